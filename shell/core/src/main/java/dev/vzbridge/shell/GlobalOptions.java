package dev.vzbridge.shell;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options given on the vzbridge command line, before any shell command. */
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

    @Option(names = "--tools", paramLabel = "FLAVOUR", description = "Host tools: auto, iproute2 or legacy (brctl/ifconfig/route). Default: auto.")
    public String tools = "auto";

    @Option(names = "--openvz", paramLabel = "GENERATION", defaultValue = "${env:VZBRIDGE_OPENVZ:-auto}",
        description = "OpenVZ generation: auto (from the node: /usr/libexec/libvzctl, vzctl --version), legacy (vzctl 4.x) or 7. "
            + "Default: VZBRIDGE_OPENVZ from vzbridge.conf, else auto.")
    public String openvz = "auto";

    @Option(names = "--runtime", paramLabel = "RUNTIME", description = "Container runtime: vzctl or netns (default: vzctl; netns with --lab).")
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

    @Option(names = "--per-command", description = "In a batch, make each command its own transaction.")
    public boolean perCommand;

    /** Resolves a node path such as /etc/vz/vz.conf under --root. */
    public Path underRoot(String nodePath) {
        String rel = nodePath.startsWith("/") ? nodePath.substring(1) : nodePath;
        return root.resolve(rel);
    }
}
