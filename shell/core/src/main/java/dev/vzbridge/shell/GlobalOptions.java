package dev.vzbridge.shell;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.engine.EngineSettings;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostAccessFactory;
import dev.vzbridge.host.NodeAddress;
import dev.vzbridge.host.HostTool;
import dev.vzbridge.host.Platform;
import dev.vzbridge.host.Prerequisites;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Options given on the vzbridge command line, before any shell command. Parsed
 * once and never changed: Main maps them into a {@link NodeAddress} and
 * {@link EngineSettings}, which is all the host and the engine see.
 */
public class GlobalOptions {
    @Option(names = "-c", paramLabel = "CMD", description = "Run one command line and exit.")
    public String command;

    @Option(names = "-f", paramLabel = "FILE", description = "Run a batch file (one transaction unless --per-command).")
    public Path file;

    @Option(names = "--json", description = "Print machine-readable results on stdout.")
    public boolean json;

    @Option(names = "--dry-run", description = "Print plans, run nothing on the host.")
    public boolean dryRun;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    public boolean debug;

    @Option(names = "--root", paramLabel = "DIR", description = "Read and write every file under DIR (default: /).")
    public Path root = Path.of("/");

    @Option(names = "--plugins", paramLabel = "DIR", description = "Also load plugins from DIR (repeatable).")
    public List<Path> plugins = new ArrayList<>();

    @Option(names = "--netns", paramLabel = "NAME", description = "Treat network namespace NAME as the node.")
    public String netns;

    @Option(names = "--lab", description = "Build a throwaway lab in network namespaces and work on it.")
    public boolean lab;

    @Option(names = "--tools", paramLabel = "FLAVOUR", completionCandidates = ToolChoices.class, description = "Host tools: auto, iproute2 or legacy (brctl/ifconfig/route). Default: auto.")
    public String tools = "auto";

    @Option(names = "--openvz", paramLabel = "GENERATION", completionCandidates = OpenVzChoices.class, defaultValue = "${env:VZBRIDGE_OPENVZ:-auto}",
        description = "OpenVZ generation: auto (from the node: /usr/libexec/libvzctl, vzctl --version), legacy (vzctl 4.x) or 7. "
            + "Default: VZBRIDGE_OPENVZ from vzbridge.conf, else auto.")
    public String openvz = "auto";

    @Option(names = "--runtime", paramLabel = "RUNTIME", completionCandidates = RuntimeChoices.class, description = "Container runtime: vzctl or netns (default: vzctl; netns with --lab).")
    public String runtime;

    @Option(names = "--ct-netns", paramLabel = "PATTERN", description = "Namespace name of a container for the netns runtime; {id} is the CT ID. Default: ct{id}.")
    public String ctNetns = "ct{id}";

    @Option(names = "--lock-wait", paramLabel = "SECONDS", description = "How long to wait for another shell's host lock (default: 10).")
    public int lockWait = 10;

    @Option(names = "--confirm", paramLabel = "SECONDS", description = "Keep a change only if 'confirm' follows within SECONDS.")
    public Integer confirm;

    @Option(names = "--no-verify", description = "Skip the checks after applying.")
    public boolean noVerify;

    @Option(names = "--no-dad", description = "Skip the probe for another owner of an address before claiming it (needs arping).")
    public boolean noDad;

    @Option(names = "--dad-timeout", paramLabel = "MS", description = "How long the duplicate-address probe waits for another owner's answer, in milliseconds (default: 200).")
    public int dadTimeout = 200;

    @Option(names = "--per-command", description = "In a batch, make each command its own transaction.")
    public boolean perCommand;

    /** The values --tools accepts, for completion (the check is ToolFlavours'). */
    public static final class ToolChoices extends ArrayList<String> {
        public ToolChoices() {
            super(List.of("auto", "iproute2", "legacy"));
        }
    }

    /** The values --openvz accepts, for completion (the check is Platform.checkChoice). */
    public static final class OpenVzChoices extends ArrayList<String> {
        public OpenVzChoices() {
            super(List.of("auto", "legacy", "7"));
        }
    }

    /** The values --runtime accepts, for completion (the check is in openHost). */
    public static final class RuntimeChoices extends ArrayList<String> {
        public RuntimeChoices() {
            super(List.of("vzctl", "netns"));
        }
    }

    /** @throws UsageException for a confirm time that is not positive */
    public EngineSettings engineSettings() {
        if (confirm != null && confirm <= 0) throw new UsageException("--confirm needs a positive number of seconds");
        return new EngineSettings(dryRun, !noVerify, confirm == null ? 0 : confirm,
            Duration.ofSeconds(Math.max(0, lockWait)));
    }

    /** @throws UsageException for a probe window outside 1–60000 ms */
    public Duration dadWindow() {
        if (dadTimeout < 1 || dadTimeout > 60_000)
            throw new UsageException("--dad-timeout needs a number of milliseconds from 1 to 60000");
        return Duration.ofMillis(dadTimeout);
    }

    /**
     * Opens the node: --lab builds a lab and works on the address it produces (a
     * temporary root unless --root was given), otherwise the address above. The
     * programs the run needs are checked first.
     */
    public HostAccess openHost() {
        if (lab && netns != null) throw new UsageException("--lab and --netns cannot be combined");
        dadWindow();
        String generation = Platform.checkChoice(openvz);
        // --lab --openvz legacy|7 emulates that vzctl over the lab's namespaces.
        boolean labVzctl = lab && !generation.equals("auto");
        if (runtime != null && !runtime.equals("vzctl") && !runtime.equals("netns"))
            throw new UsageException("--runtime must be vzctl or netns, not '" + runtime + "'");
        String runtimeName = runtime != null ? runtime : lab && !labVzctl ? "netns" : "vzctl";
        NodeAddress address = new NodeAddress(root, netns, runtimeName, ctNetns, tools, generation);
        HostAccessFactory.requireTools(address.tools(), runtimeName, runtime != null && !lab, !noVerify && !dryRun, !noDad);
        // Not asked for by name and not installed: work without containers rather than fail every command.
        if (runtimeName.equals("vzctl") && runtime == null && !lab && !Prerequisites.onPath(HostTool.VZLIST.command()))
            address = new NodeAddress(root, netns, "none", ctNetns, tools, generation);
        if (!lab) return HostAccessFactory.open(address);
        Path labRoot = root == null || root.equals(Path.of("/")) ? null : root;
        return HostAccessFactory.openLab(labRoot, runtimeName, tools, generation);
    }
}
