package dev.vzbridge.host;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.lab.LabException;
import dev.vzbridge.lab.LabRoot;
import dev.vzbridge.lab.LabVzctlEmulator;
import dev.vzbridge.lab.Netns;
import dev.vzbridge.lab.Privileges;
import dev.vzbridge.tools.ToolFlavours;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Opens the node at a {@link NodeAddress}, or builds a lab and opens its node. */
public final class HostAccessFactory {
    private HostAccessFactory() {
    }

    /**
     * The node at {@code address}: this machine, or the network namespace it names.
     *
     * @throws UsageException when the namespace does not exist (exit 2)
     */
    public static HostAccess open(NodeAddress address) {
        CommandRunner local = new ProcessRunner();
        if (address.netns() != null && !Netns.exists(local, address.netns()))
            throw new UsageException("network namespace '" + address.netns() + "' does not exist (see ip netns list)");
        return assemble(address, address.runner(local), null, null);
    }

    /**
     * The node at {@code address}, reached through {@code runner} alone (e.g. a node held
     * in memory): nothing is checked on this machine first.
     */
    public static HostAccess open(NodeAddress address, CommandRunner runner) {
        return assemble(address, runner, null, null);
    }

    /**
     * Builds a lab and opens its node. The lab produces the address: its node
     * namespace, its containers' pattern, and a temporary RHEL-style root (removed on
     * close) unless {@code root} is given.
     *
     * @param root    where files go, or null for a temporary directory
     * @param runtime the container runtime, or null for netns
     * @param tools   the tool flavour, or null for auto
     * @param openvz  auto, or the OpenVZ generation whose vzctl the lab emulates (runtime vzctl)
     */
    public static HostAccess openLab(Path root, String runtime, String tools, String openvz) {
        // Check the choices before building anything.
        new NodeAddress(root, null, runtime == null ? "netns" : runtime, NodeAddress.DEFAULT_CT_NETNS, tools, openvz);
        OpenVz generation = OpenVz.of(openvz);
        if ("vzctl".equals(runtime) && generation == null)
            throw new UsageException("--lab --runtime vzctl needs --openvz legacy or 7 (the lab emulates that vzctl)");
        if (!Privileges.isRoot()) throw new UsageException("--lab needs root (network namespaces)");
        Lab lab;
        try {
            lab = Lab.start();
        } catch (LabException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        Path tempRoot = null;
        try {
            if (root == null) {
                tempRoot = Files.createTempDirectory("vzbridge-lab-");
                LabRoot.seed(tempRoot, lab.containerIds());
            }
            NodeAddress address = new NodeAddress(root == null ? tempRoot : root, lab.nodeNetns(),
                runtime == null ? "netns" : runtime, lab.ctNetnsPattern(), tools, openvz);
            Path madeRoot = tempRoot;
            Runnable teardown = () -> {
                lab.close();
                if (madeRoot != null) deleteTree(madeRoot);
            };
            String banner = lab.describe(examples()) + "Files go under " + address.root()
                + (madeRoot != null ? " (a RHEL-style node: ifcfg-eth0, vz.conf, CT configs; removed on exit)." : ".") + "\n";
            List<String> leftovers = Lab.leftovers();
            if (!leftovers.isEmpty())
                banner += leftovers.size() + " lab" + (leftovers.size() == 1 ? "" : "s") + " of crashed runs left namespaces behind ("
                    + String.join(", ", leftovers) + "): 'lab clean' removes them.\n";
            CommandRunner node = lab.nodeRunner();
            if (address.runtime().equals("vzctl")) {
                node = LabVzctlEmulator.install(lab, address.root(), generation).wrap(node);
                if (generation == OpenVz.SEVEN) Files.createDirectories(address.underRoot(Platform.LIBVZCTL_DIR));
                banner += "Containers run under an emulated vzctl of " + generation + ".\n";
            }
            return assemble(address, node, banner, teardown);
        } catch (IOException | RuntimeException e) {
            lab.close();
            if (tempRoot != null) deleteTree(tempRoot);
            throw e instanceof RuntimeException re ? re : new CommandFailedException("cannot set up the lab: " + e.getMessage(), e);
        }
    }

    /** The programs of the legacy flavour. */
    private static final List<HostTool> LEGACY = List.of(HostTool.BRCTL, HostTool.IFCONFIG, HostTool.ROUTE);

    /**
     * Every program the flavour, runtime, verification and address probes will run
     * must be installed before anything runs. setsid and ip come first: every program
     * starts through setsid, and auto flavour asks ip whether it can make bridges. Without --runtime, missing OpenVZ tools are not
     * an error here: commands that need no containers still work. The lab emulates vzctl.
     *
     * @param runtimeAskedFor the runtime was named (--runtime), not defaulted
     */
    public static void requireTools(String flavour, String runtime, boolean runtimeAskedFor, boolean verify, boolean dad) {
        Prerequisites.require(List.of(HostTool.SETSID, HostTool.IP));
        // Under auto, ip is asked only when the legacy tools are not all there anyway: then it decides.
        boolean legacy = flavour.equals("legacy")
            || flavour.equals("auto") && !LEGACY.stream().allMatch(t -> Prerequisites.onPath(t.command()))
            && !ToolFlavours.ipKnowsBridges(new ProcessRunner());
        Prerequisites.require(Prerequisites.needed(legacy, verify, dad, runtimeAskedFor && runtime.equals("vzctl")));
    }

    /** @param runner reaches the node at {@code address} */
    private static HostAccess assemble(NodeAddress address, CommandRunner runner, String banner, Runnable onClose) {
        NetTools tools = ToolFlavours.select(address.tools(), runner);
        RootFileView files = new RootFileView(address.root());
        OpenVz chosen = OpenVz.of(address.openvz());
        HostRuntime runtime;
        if (address.runtime().equals("netns")) {
            runtime = new NetnsRuntime(runner, address.ctNetns(), tools, chosen == null ? null : Platform.chosen(chosen));
        } else if (address.runtime().equals("none")) {
            runtime = new MissingRuntime(chosen != null ? Platform.chosen(chosen) : Platform.fromFiles(files));
        } else {
            // auto costs one look at the files and at most one vzctl --version, once per shell.
            Platform platform = chosen != null ? Platform.chosen(chosen) : Platform.detect(runner, files);
            runtime = new VzctlRuntime(runner, files, tools, platform);
        }
        return new NodeAccess(address, runner, tools, runtime, banner, onClose);
    }

    /** Batch files shipped in examples/ (of the working directory or the installation), for the banner. */
    private static boolean standsAloneInTheLab(Path batch) {
        try {
            return Files.readString(batch).contains("vzbridge --lab -f examples/" + batch.getFileName());
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> examples() {
        List<Path> dirs = new java.util.ArrayList<>(List.of(Path.of("examples")));
        String home = System.getProperty("vzbridge.home");
        if (home != null) dirs.add(Path.of(home, "examples"));
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                // only batches that do something in a fresh lab on their own (their header says so),
                // with absolute paths that work from any directory
                List<String> found = s.filter(p -> p.getFileName().toString().endsWith(".vzb"))
                    .filter(HostAccessFactory::standsAloneInTheLab).sorted()
                    .map(p -> p.toAbsolutePath().normalize().toString()).toList();
                if (!found.isEmpty()) return found;
            } catch (IOException ignored) {
                // no examples to suggest
            }
        }
        return List.of();
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
