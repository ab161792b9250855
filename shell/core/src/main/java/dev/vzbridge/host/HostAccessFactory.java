package dev.vzbridge.host;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.PrefixRunner;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.lab.LabException;
import dev.vzbridge.lab.LabRoot;
import dev.vzbridge.lab.LabVzctlEmulator;
import dev.vzbridge.lab.Netns;
import dev.vzbridge.lab.Privileges;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.tools.LegacyTools;
import dev.vzbridge.tools.ToolFlavours;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Builds the HostAccess the global options ask for: the local node, --netns NAME, or --lab. */
public final class HostAccessFactory {
    private HostAccessFactory() {
    }

    /**
     * Under --lab this builds the lab, sets {@code options.root} to a temporary
     * directory unless --root was given (so every file the shell writes stays in the
     * lab) and {@code options.ctNetns} to the lab's pattern. {@code options.runtime}
     * is set to the runtime chosen, so the journal can name it.
     *
     * @throws UsageException for impossible combinations (exit 2)
     */
    public static HostAccess open(GlobalOptions options, PrintWriter err) {
        if (options.lab && options.netns != null) throw new UsageException("--lab and --netns cannot be combined");
        String openvz = Platform.checkChoice(options.openvz);
        // --lab --openvz legacy|7 emulates that vzctl over the lab's namespaces.
        boolean labVzctl = options.lab && !openvz.equals("auto");
        String runtimeName = options.runtime != null ? options.runtime : options.lab && !labVzctl ? "netns" : "vzctl";
        if (!runtimeName.equals("vzctl") && !runtimeName.equals("netns"))
            throw new UsageException("--runtime must be vzctl or netns, not '" + runtimeName + "'");
        if (!List.of("auto", "iproute2", "legacy").contains(options.tools == null ? "auto" : options.tools))
            throw new UsageException("--tools must be auto, iproute2 or legacy, not '" + options.tools + "'");
        if (options.ctNetns == null || !options.ctNetns.contains("{id}"))
            throw new UsageException("--ct-netns must contain {id}, e.g. ct{id}");
        boolean runtimeAskedFor = options.runtime != null;
        // Record what was chosen, so a journal names the runtime that really ran (and --lab's CT pattern below).
        options.runtime = runtimeName;
        CommandRunner local = new ProcessRunner();
        requireTools(options, runtimeName, runtimeAskedFor, local);
        // Not asked for by name and not installed: work without containers rather than fail every command.
        if (runtimeName.equals("vzctl") && !runtimeAskedFor && !options.lab && !Prerequisites.onPath(HostTool.VZLIST.command()))
            runtimeName = "none";
        if (options.lab) return openLab(options, runtimeName, local);
        CommandRunner runner = local;
        if (options.netns != null) {
            if (!Netns.exists(local, options.netns))
                throw new UsageException("network namespace '" + options.netns + "' does not exist (see ip netns list)");
            runner = PrefixRunner.inNetns(options.netns, local);
        }
        return assemble(options, runtimeName, runner, options.ctNetns, null, null);
    }

    /**
     * Every program the flavour, runtime, verification and address probes will run
     * must be installed before anything runs. ip comes first: auto flavour asks it
     * whether it can make bridges. Without --runtime, missing OpenVZ tools are not
     * an error here: commands that need no containers still work. The lab emulates vzctl.
     */
    private static void requireTools(GlobalOptions options, String runtimeName, boolean runtimeAskedFor, CommandRunner local) {
        Prerequisites.require(List.of(HostTool.IP));
        String flavour = options.tools == null ? "auto" : options.tools;
        boolean legacy = flavour.equals("legacy") || flavour.equals("auto") && ToolFlavours.detect(local) instanceof LegacyTools;
        boolean verify = !options.noVerify && !options.dryRun;
        Prerequisites.require(Prerequisites.needed(legacy, verify, !options.noDad, runtimeAskedFor && runtimeName.equals("vzctl") && !options.lab));
    }

    private static HostAccess openLab(GlobalOptions options, String runtimeName, CommandRunner local) {
        if (!Privileges.isRoot()) throw new UsageException("--lab needs root (network namespaces)");
        Lab lab;
        try {
            lab = Lab.start();
        } catch (LabException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        Path tempRoot = null;
        try {
            if (options.root == null || options.root.equals(Path.of("/"))) {
                tempRoot = Files.createTempDirectory("vzbridge-lab-");
                LabRoot.seed(tempRoot, lab.containerIds());
                options.root = tempRoot;
            }
            options.ctNetns = lab.ctNetnsPattern();
            Path madeRoot = tempRoot;
            Runnable teardown = () -> {
                lab.close();
                if (madeRoot != null) deleteTree(madeRoot);
            };
            String banner = lab.describe(examples()) + "Files go under " + options.root
                + (madeRoot != null ? " (a RHEL-style node: ifcfg-eth0, vz.conf, CT configs; removed on exit)." : ".") + "\n";
            List<String> leftovers = Lab.leftovers();
            if (!leftovers.isEmpty())
                banner += leftovers.size() + " lab" + (leftovers.size() == 1 ? "" : "s") + " of crashed runs left namespaces behind ("
                    + String.join(", ", leftovers) + "): 'lab clean' removes them.\n";
            CommandRunner node = lab.nodeRunner();
            if (runtimeName.equals("vzctl")) {
                OpenVz generation = OpenVz.of(options.openvz);
                if (generation == null)
                    throw new UsageException("--lab --runtime vzctl needs --openvz legacy or 7 (the lab emulates that vzctl)");
                node = LabVzctlEmulator.install(lab, options.root, generation).wrap(node);
                if (generation == OpenVz.SEVEN) Files.createDirectories(options.underRoot(Platform.LIBVZCTL_DIR));
                banner += "Containers run under an emulated vzctl of " + generation + ".\n";
            }
            return assemble(options, runtimeName, node, lab.ctNetnsPattern(), banner, teardown);
        } catch (IOException | RuntimeException e) {
            lab.close();
            if (tempRoot != null) deleteTree(tempRoot);
            throw e instanceof RuntimeException re ? re : new CommandFailedException("cannot set up the lab: " + e.getMessage(), e);
        }
    }

    private static HostAccess assemble(GlobalOptions options, String runtimeName, CommandRunner runner, String ctPattern,
                                       String banner, Runnable onClose) {
        NetTools tools = ToolFlavours.select(options.tools, runner);
        RootFileView files = new RootFileView(options.root);
        OpenVz chosen = OpenVz.of(options.openvz);
        HostRuntime runtime;
        if (runtimeName.equals("netns")) {
            runtime = new NetnsRuntime(runner, ctPattern, tools, chosen == null ? null : Platform.chosen(chosen));
        } else if (runtimeName.equals("none")) {
            runtime = new MissingRuntime(chosen != null ? Platform.chosen(chosen) : Platform.fromFiles(files));
        } else {
            // auto costs one look at the files and at most one vzctl --version, once per shell.
            Platform platform = chosen != null ? Platform.chosen(chosen) : Platform.detect(runner, files);
            runtime = new VzctlRuntime(runner, files, tools, platform);
        }
        return new NodeAccess(runner, tools, runtime, options.root, banner, onClose);
    }

    /** Batch files shipped in examples/ (of the working directory or the installation), for the banner. */
    static List<String> examples() {
        List<Path> dirs = new java.util.ArrayList<>(List.of(Path.of("examples")));
        String home = System.getProperty("vzbridge.home");
        if (home != null) dirs.add(Path.of(home, "examples"));
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                List<String> found = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".vzb")).sorted()
                    .map(n -> d.resolve(n).toString()).toList();
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
