package dev.vzbridge.host;

import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.RunnerException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node reached through a runner (local, --netns or the lab's node namespace). */
public final class NodeAccess implements HostAccess {
    private static final Pattern REPLY_MAC = Pattern.compile("reply from \\S+ \\[([0-9A-Fa-f:]{17})]");

    private final NodeAddress address;
    private final CommandRunner runner;
    private final NetTools tools;
    private final HostRuntime runtime;
    private final Path root;
    private final FileView files;
    private final HostProbe probe;
    private final String banner;
    private final Runnable onClose;
    private boolean closed;

    /** A node on this machine (root given) reached through {@code runner}, for tests and tools. */
    public NodeAccess(CommandRunner runner, NetTools tools, HostRuntime runtime, Path root, String banner, Runnable onClose) {
        this(NodeAddress.local(root), runner, tools, runtime, banner, onClose);
    }

    /** The node at {@code address}, reached through {@code runner} (which goes to that address). */
    public NodeAccess(NodeAddress address, CommandRunner runner, NetTools tools, HostRuntime runtime, String banner,
                      Runnable onClose) {
        Path root = address.root();
        this.address = address;
        this.runner = runner;
        this.tools = tools;
        this.runtime = runtime;
        this.root = root;
        this.files = new RootFileView(root);
        this.probe = new HostProbe(runner, runtime);
        this.banner = banner;
        this.onClose = onClose;
    }

    @Override
    public NodeAddress address() {
        return address;
    }

    @Override
    public CommandRunner runner() {
        return runner;
    }

    @Override
    public NetTools tools() {
        return tools;
    }

    @Override
    public HostRuntime runtime() {
        return runtime;
    }

    @Override
    public HostState observe(Collection<String> containers) {
        return probe.observe(containers);
    }

    @Override
    public void keepContainerViews(boolean on) {
        probe.keepContainerViews(on);
    }

    @Override
    public FileView files() {
        return files;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public DadAnswer probeAddress(String dev, String ip, Duration window) {
        if (ip.contains(":")) return DadAnswer.free(); // IPv6 has the kernel's own duplicate detection
        // arping counts in whole seconds and prints nothing until it ends when its output is a pipe:
        // line-buffered, its first line ("ARPING …") marks the probe going out, and the window is
        // counted from there. It answers at once when somebody replies (-D quits on the first reply).
        long seconds = Math.max(1, (window.toMillis() + 999) / 1000);
        List<String> argv = List.of("stdbuf", "-oL", "arping", "-D", "-c", String.valueOf(seconds + 1),
            "-w", String.valueOf(seconds), "-I", dev, ip);
        Optional<ExecResult> answered;
        try {
            answered = runner.runWithin(argv, window, Duration.ofSeconds(seconds + 4));
        } catch (RunnerException e) {
            return DadAnswer.failed(e.getMessage());
        }
        if (answered.isEmpty()) return DadAnswer.free(); // the window closed with nobody answering
        ExecResult r = answered.get();
        // iputils arping -D: 0 nobody answered, 1 somebody did, anything else it could not probe
        if (r.exitCode() == 0 && !r.timedOut()) return DadAnswer.free();
        Optional<String> owner = ownerIn(r.stdout());
        if (r.exitCode() == 1 && owner.isPresent()) return DadAnswer.ownedBy(owner.get());
        return DadAnswer.failed(firstLine(r));
    }

    private static String firstLine(ExecResult r) {
        if (r.timedOut()) return "arping did not finish";
        String text = r.stderr().isBlank() ? r.stdout() : r.stderr();
        String line = text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "arping exited with " + r.exitCode() : line;
    }

    @Override
    public boolean linkExists(String dev) {
        try {
            return runner.run(List.of("ip", "-o", "link", "show", "dev", dev), null, Duration.ofSeconds(5)).ok();
        } catch (RunnerException e) {
            return false;
        }
    }

    /** iputils arping: "Unicast reply from 10.0.0.1 [02:00:0A:00:00:01]  0.6ms". */
    static Optional<String> ownerIn(String arpingOutput) {
        Matcher m = REPLY_MAC.matcher(arpingOutput);
        return m.find() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
    }

    @Override
    public Optional<String> banner() {
        return Optional.ofNullable(banner);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (onClose != null) onClose.run();
    }
}
