package dev.vzbridge.persistence;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.persist.BootConfig;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.DeleteFile;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.WriteFile;
import dev.vzbridge.api.tools.ContainerRuntime;
import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.shell.Diffs;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The recipe's node as observed after bridging, and a context whose files live under a temp root. */
final class Fixtures {
    static final String VERSION = "0.1.0-test";

    private Fixtures() {
    }

    /** br0 (10.0.0.2/24, default via 10.0.0.1) on eth0, CT 101 at 203.0.113.195/26 with a host route. */
    static HostState bridgedNode() {
        return bridgedNode("203.0.113.195/26", true);
    }

    static HostState bridgedNode(String ctAddress, boolean hostRoute) {
        List<Link> links = List.of(
            new Link("lo", 1, "loopback", null, true, "00:00:00:00:00:00", null, null),
            new Link("eth0", 2, "ether", "br0", true, "52:54:00:12:34:56", null, "forwarding"),
            new Link("br0", 3, "bridge", null, true, "52:54:00:12:34:56", new BridgeInfo(false, 0), null),
            new Link("veth101.0", 7, "veth", "br0", true, "00:18:51:aa:bb:01", null, "forwarding"));
        List<Address> addrs = List.of(new Address("br0", "10.0.0.2/24", "global"),
            new Address("br0", "fe80::5054:ff:fe12:3456/64", "link"));
        List<Route> routes = new ArrayList<>(List.of(
            Route.of("default", "10.0.0.1", "br0"),
            new Route("10.0.0.0/24", null, "br0", "kernel", "link", null, "10.0.0.2")));
        String ip = ctAddress.substring(0, ctAddress.indexOf('/'));
        if (hostRoute) routes.add(new Route(ip + "/32", null, "br0", "boot", "link", null, null));
        Container ct = new Container("101", true,
            List.of(new Link("lo", 1, "loopback", null, true, "00:00:00:00:00:00", null, null),
                new Link("eth0", 8, "veth", null, true, "00:18:51:c0:ff:ee", null, null)),
            List.of(new Address("eth0", ctAddress, "global")),
            List.of(Route.of("default", "203.0.113.193", "eth0")));
        return new HostState(links, addrs, routes, List.of(ct));
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new IllegalStateException("no test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void put(Path root, String path, byte[] content) {
        try {
            Path p = root.resolve(path.substring(1));
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path root, String path) {
        try {
            return Files.readAllBytes(root.resolve(path.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a save command line the way the shell does. */
    static SaveCommand save(String... args) {
        SaveCommand cmd = new SaveCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    /** What the engine does with the plan's file actions (without its journal). */
    static void apply(Path root, Plan plan) {
        for (var change : plan.changes()) for (Step s : change.steps()) perform(root, s.apply());
    }

    static void perform(Path root, Action a) {
        try {
            if (a instanceof WriteFile w) {
                put(root, w.path(), w.content());
                Files.setPosixFilePermissions(root.resolve(w.path().substring(1)), perms(w.mode()));
            } else if (a instanceof DeleteFile d) {
                Files.deleteIfExists(root.resolve(d.path().substring(1)));
            } else {
                throw new IllegalStateException("save planned a non-file action: " + a.render());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<PosixFilePermission> perms(int mode) {
        StringBuilder sb = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) sb.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        return java.nio.file.attribute.PosixFilePermissions.fromString(sb.toString());
    }

    /** A context for one command: the given state, files under root, a vzctl-style runtime. */
    static CommandContext context(HostState host, Path root) {
        return context(host, root, OpenVz.LEGACY);
    }

    /** The same on a node of the given OpenVZ generation. */
    static CommandContext context(HostState host, Path root, OpenVz openvz) {
        return context(host, root, openvz, "", List.of());
    }

    /** The same for a command line as the shell supplies it (the plan's title). */
    static CommandContext context(HostState host, Path root, OpenVz openvz, String commandLine) {
        return context(host, root, openvz, commandLine, List.of());
    }

    /** The same, with other plugins' boot configurations for save to splice in. */
    static CommandContext context(HostState host, Path root, OpenVz openvz, List<BootConfig> bootConfigs) {
        return context(host, root, openvz, "", bootConfigs);
    }

    private static CommandContext context(HostState host, Path root, OpenVz openvz, String commandLine,
                                          List<BootConfig> bootConfigs) {
        FileView files = new FileView() {
            public Optional<byte[]> read(String path) {
                Path p = root.resolve(path.substring(1));
                if (!Files.isRegularFile(p)) return Optional.empty();
                return Optional.of(Fixtures.read(root, path));
            }

            public Optional<Integer> mode(String path) {
                Path p = root.resolve(path.substring(1));
                if (!Files.exists(p)) return Optional.empty();
                try {
                    int mode = 0;
                    for (PosixFilePermission perm : Files.getPosixFilePermissions(p)) mode |= 1 << (8 - perm.ordinal());
                    return Optional.of(mode);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public boolean exists(String path) {
                return Files.exists(root.resolve(path.substring(1)));
            }
        };
        ContainerRuntime runtime = new ContainerRuntime() {
            public String name() {
                return "vzctl";
            }

            public String hostIfname(String ctid, String ifname) {
                return "veth" + ctid + "." + ifname.replaceAll("[^0-9]", "");
            }

            public Step addVeth(String ctid, String ifname, String bridge, String mac) {
                throw new UnsupportedOperationException();
            }

            public Step removeVeth(String ctid, String ifname, String bridge, String mac) {
                throw new UnsupportedOperationException();
            }

            public NetTools inside(String ctid) {
                throw new UnsupportedOperationException();
            }

            public OpenVz openvz() {
                return openvz;
            }
        };
        return new CommandContext() {
            public HostState host() {
                return host;
            }

            public String commandLine() {
                return commandLine;
            }

            public NetTools tools() {
                throw new UnsupportedOperationException("save needs no network intents");
            }

            public ContainerRuntime containers() {
                return runtime;
            }

            public FileView files() {
                return files;
            }

            public Optional<String> duplicateAddressOwner(String dev, String ip) {
                return Optional.empty();
            }

            public String diff(String path, byte[] proposed) {
                return Diffs.unified(files, path, proposed);
            }

            public Optional<String> sshConnection() {
                return Optional.empty();
            }

            public PrintWriter err() {
                return new PrintWriter(new StringWriter());
            }

            public String version() {
                return VERSION;
            }

            public List<BootConfig> bootConfigs() {
                return bootConfigs;
            }
        };
    }
}
