package dev.vzbridge.lab;

/** A separate JVM that builds a lab, prints its prefix and waits to be killed (for teardown tests). */
public final class LabHolder {
    private LabHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        Lab lab = Lab.builder().containers(101).build();
        System.out.println(lab.prefix());
        System.out.flush();
        Thread.sleep(120_000);
        lab.close();
    }
}
