package dev.vzbridge.host;

/**
 * What one duplicate-address probe found: nobody, the MAC of another owner, or
 * that it could not probe at all (which must never read as "nobody").
 */
public record DadAnswer(String owner, String problem) {
    public static DadAnswer free() {
        return new DadAnswer(null, null);
    }

    public static DadAnswer ownedBy(String mac) {
        return new DadAnswer(mac, null);
    }

    public static DadAnswer failed(String problem) {
        return new DadAnswer(null, problem);
    }

    public boolean failed() {
        return problem != null;
    }
}
