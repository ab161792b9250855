package dev.vzbridge.host;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default runtime (vzctl) when OpenVZ is not installed: the node has no
 * containers, so bridge and address commands work, and anything that needs a
 * container says that no runtime was found and how to choose one.
 */
public final class MissingRuntime implements HostRuntime {
    private final Platform platform;

    /** {@code platform}: what the node's files say (or --openvz chose), shown by show even without vzctl. */
    public MissingRuntime(Platform platform) {
        this.platform = platform;
    }

    static final String PROBLEM = "no container runtime was found (vzctl and vzlist are not installed): "
        + "install OpenVZ's vzctl, or choose --runtime netns for containers that are network namespaces";

    @Override
    public String name() {
        return "vzctl";
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.of(PROBLEM);
    }

    @Override
    public Map<String, Boolean> status() {
        return Map.of();
    }

    @Override
    public String hostIfname(String ctid, String ifname) {
        return Veths.hostIfname(ctid, ifname);
    }

    @Override
    public Step addVeth(String ctid, String ifname, String bridge, String mac) {
        throw new UsageException(PROBLEM);
    }

    @Override
    public Step removeVeth(String ctid, String ifname, String bridge, String mac) {
        throw new UsageException(PROBLEM);
    }

    @Override
    public NetTools inside(String ctid) {
        throw new UsageException(PROBLEM);
    }

    @Override
    public List<String> inside(String ctid, List<String> argv) {
        throw new UsageException(PROBLEM);
    }
}
