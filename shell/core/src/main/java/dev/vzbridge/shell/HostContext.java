package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.tools.ContainerRuntime;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.host.DadAnswer;
import dev.vzbridge.host.HostAccess;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one command sees of a node: its state (observed once, when first asked),
 * intents, runtime, files and probes. The shell makes one per command; tests
 * that drive planners directly make their own.
 */
public class HostContext implements CommandContext {
    private final HostAccess host;
    private final PrintWriter err;
    private final Optional<String> sshConnection;
    private final String commandLine;
    private HostState observed;

    public HostContext(HostAccess host, PrintWriter err, Optional<String> sshConnection) {
        this(host, err, sshConnection, "");
    }

    /** @param commandLine the command being planned, as the shell read it (see {@link #commandLine()}) */
    public HostContext(HostAccess host, PrintWriter err, Optional<String> sshConnection, String commandLine) {
        this.host = host;
        this.err = err;
        this.sshConnection = sshConnection;
        this.commandLine = commandLine;
    }

    @Override
    public String commandLine() {
        return commandLine;
    }

    /** SSH_CONNECTION of this process, when set. */
    public static Optional<String> sshFromEnvironment() {
        return Optional.ofNullable(System.getenv("SSH_CONNECTION")).filter(s -> !s.isBlank());
    }

    @Override
    public HostState host() {
        if (observed == null) observed = host.observe(null);
        return observed;
    }

    @Override
    public NetTools tools() {
        return host.tools();
    }

    @Override
    public ContainerRuntime containers() {
        return host.runtime();
    }

    @Override
    public FileView files() {
        return host.files();
    }

    @Override
    public Optional<String> duplicateAddressOwner(String dev, String ip) {
        DadAnswer answer = host.probeAddress(dev, ip, dadWindow());
        if (answer.failed()) throw new CommandFailedException("cannot probe " + ip + " for a duplicate on " + dev + ": " + answer.problem());
        return Optional.ofNullable(answer.owner());
    }

    /** How long a duplicate-address probe waits for another owner's answer. */
    protected Duration dadWindow() {
        return DadProbes.DEFAULT_WINDOW;
    }

    /** All of one command's addresses at once, on the link that carries the segment now. */
    @Override
    public void requireUnused(String segment, List<String> carriers, List<String> ips) {
        DadProbes probes = new DadProbes(host, dadWindow());
        probes.claim(null, segment, carriers, ips);
        probes.settle(null, false);
    }

    @Override
    public String diff(String path, byte[] proposed) {
        return Diffs.unified(host.files(), path, proposed);
    }

    @Override
    public Optional<String> sshConnection() {
        return sshConnection;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public String version() {
        return Session.VERSION;
    }
}
