package dev.vzbridge.shell;

import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostRuntime;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the host (and builds the lab) only when a command first needs it, so
 * 'help' and 'plugin list' work on any machine. A failure to open is kept and
 * rethrown on every later use; close() tears down only what was opened.
 */
public final class LazyHostAccess implements HostAccess {
    private final Supplier<HostAccess> opener;
    private HostAccess host;
    private RuntimeException failure;
    private boolean closed;

    public LazyHostAccess(Supplier<HostAccess> opener) {
        this.opener = opener;
    }

    /** Opens now. @throws RuntimeException what opening threw */
    public synchronized HostAccess get() {
        if (closed) throw new IllegalStateException("the shell is shutting down");
        if (host == null && failure == null) {
            try {
                host = opener.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) throw failure;
        return host;
    }

    public synchronized boolean isOpen() {
        return host != null;
    }

    public CommandRunner runner() {
        return get().runner();
    }

    public NetTools tools() {
        return get().tools();
    }

    public HostRuntime runtime() {
        return get().runtime();
    }

    public HostState observe(Collection<String> containers) {
        return get().observe(containers);
    }

    public FileView files() {
        return get().files();
    }

    public Path root() {
        return get().root();
    }

    public dev.vzbridge.host.DadAnswer probeAddress(String dev, String ip) {
        return get().probeAddress(dev, ip);
    }

    public boolean linkExists(String dev) {
        return get().linkExists(dev);
    }

    public Optional<String> banner() {
        return get().banner();
    }

    /** Idempotent; safe from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (host != null) host.close();
    }
}
