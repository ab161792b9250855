package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.tools.Iproute2Tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM playing the shell, for tests that kill it:
 * {@code crash ROOT NS PATTERN K} stops right before action K+1 (prints CRASH-POINT and waits to be killed);
 * {@code confirm ROOT NS PATTERN SECONDS} applies with a confirm deadline, 0 for none asked
 * (prints APPLIED code txid and waits);
 * {@code slow ROOT NS PATTERN} applies a plan of short sleeps and exits with the engine's code;
 * {@code hold ROOT} takes the host lock and waits to be killed.
 */
public final class EngineChild {
    private EngineChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path root = Path.of(args[1]);
        if (mode.equals("hold")) { // takes the host lock and keeps it until killed
            HostLock.acquire(root, "holding for a test", java.time.Duration.ofSeconds(10), null);
            waitToBeKilled();
        }
        String ns = args[2];
        String pattern = args[3];
        GlobalOptions o = BridgeScenario.options(root, ns, pattern);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        CommandRunner runner = BridgeScenario.nodeRunner(ns);
        Plan plan = BridgeScenario.plan(new Iproute2Tools());
        switch (mode) {
            case "crash" -> {
                int k = Integer.parseInt(args[4]);
                runner = FailureInjectingRunner.stoppingAt(k + 1, EngineChild::waitToBeKilled, runner);
                RenderedEngine.of(o.engineSettings(), BridgeScenario.node(ns, pattern, root, runner), (r, t) -> null, out, err)
                    .submit(plan, plan.command());
                System.out.println("FINISHED");
                System.exit(0);
            }
            case "confirm" -> {
                int seconds = Integer.parseInt(args[4]);
                o.confirm = seconds > 0 ? seconds : null; // 0: no --confirm (SSH_CONNECTION may ask for one)
                RenderedEngine e = RenderedEngine.of(o.engineSettings(), BridgeScenario.node(ns, pattern, root, runner), Watchdog.DETACHED, out, err);
                int code = e.submit(plan, plan.command());
                String txid = Journal.all(root).get(Journal.all(root).size() - 1).txid();
                System.out.println("APPLIED " + code + " " + txid);
                System.out.flush();
                waitToBeKilled();
            }
            case "slow" -> {
                List<Step> steps = new ArrayList<>();
                for (int i = 0; i < 8; i++) steps.add(new Step(Exec.of("sleep", "0.15"), Exec.of("true")));
                Plan slow = Plan.builder("slow " + ProcessHandle.current().pid()).change(new Change("sleeps", steps)).build();
                int code = RenderedEngine.of(o.engineSettings(), BridgeScenario.node(ns, pattern, root, runner), (r, t) -> null, out, err)
                    .submit(slow, slow.command());
                System.exit(code);
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static void waitToBeKilled() {
        System.out.println("CRASH-POINT");
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // only SIGKILL ends this process
            }
        }
    }

    /** argv that starts this class in a new JVM with the same java and class path. */
    static List<String> command(String... args) {
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
            System.getProperty("java.class.path"), EngineChild.class.getName()));
        argv.addAll(List.of(args));
        return argv;
    }
}
