package dev.vzbridge.bridge;

import dev.vzbridge.engine.SignalDeferral;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.shell.CommandCatalog;
import dev.vzbridge.shell.Console;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.shell.Printer;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.shell.Shell;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vzbridge --netns NODE --runtime netns --ct-netns PATTERN --tools iproute2 --root ROOT -c LINE} in a
 * JVM of its own, with this plugin's commands (which the build tree has not packaged yet when tests run):
 * what Main does, signal handling included. Args: ROOT NODE PATTERN LINE; NODE {@code -} gives no --netns
 * (the node is then the namespace the JVM runs in); LINE {@code --console} runs the interactive console on
 * the process's terminal instead.
 */
public final class ShellChild {
    private ShellChild() {
    }

    /** NODE argument for "no --netns": the shell acts on the namespace it runs in. */
    static final String INSIDE = "-";

    /** LINE argument for the interactive console on the process's terminal, as vzbridge with no command starts. */
    static final String CONSOLE = "--console";

    public static void main(String[] args) throws java.io.IOException {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        SignalDeferral.install(err);
        Terminal terminal = null;
        if (args[3].equals(CONSOLE)) { // as Main: the terminal's writer takes both streams
            terminal = TerminalBuilder.builder().system(true).name("vzbridge").build();
            out = terminal.writer();
            err = terminal.writer();
        }
        GlobalOptions o = new GlobalOptions();
        o.root = Path.of(args[0]);
        o.netns = args[1].equals(INSIDE) ? null : args[1];
        o.runtime = "netns";
        o.ctNetns = args[2];
        o.tools = "iproute2";
        o.lockWait = 30;
        o.noDad = true; // the address probes are not what these tests are about, and cost a second a run
        int code;
        try (HostAccess host = o.openHost()) {
            Printer printer = new Printer(out, err, () -> o.json, false);
            Shell shell = new Shell(o, host, RenderedEngine.of(o.engineSettings(), host, printer),
                List.of(new CommandCatalog.Source("bridge", new BridgePlugin())), List.of(), printer);
            code = terminal != null ? new Console(shell, terminal, "lab", null).run() : shell.execute(args[3]);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * argv starting this class in a new session (its own process group, as a shell on its own terminal),
     * with SIGINT, SIGTERM and SIGHUP at their defaults: a build started in the background or under
     * nohup passes them on ignored, and the JVM then leaves an ignored signal ignored.
     */
    static List<String> command(Path root, String node, String pattern, String line) {
        return command(List.of(), root, node, pattern, line);
    }

    /**
     * The same, started through {@code via} (e.g. ip netns exec NS, which execs the JVM under the same PID,
     * inside that namespace).
     */
    static List<String> command(List<String> via, Path root, String node, String pattern, String line) {
        List<String> argv = new ArrayList<>(List.of("env", "--default-signal=INT,TERM,HUP", "setsid"));
        argv.addAll(via);
        argv.addAll(java(root, node, pattern, line));
        return argv;
    }

    /** The JVM's own argv: java … ShellChild ROOT NODE PATTERN LINE. */
    static List<String> java(Path root, String node, String pattern, String line) {
        return List.of(ProcessHandle.current().info().command().orElseThrow(),
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
            ShellChild.class.getName(), root.toString(), node, pattern, line);
    }
}
