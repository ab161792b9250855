package dev.vzbridge.persistence;

import dev.vzbridge.api.command.Candidates;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.persist.BootFiles;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.DeleteFile;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.plan.WriteFile;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.recipes.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Command(name = "save", description = {
    "Write the running bridge setup into the node's boot configuration: ifcfg files (RHEL) or",
    "/etc/network/interfaces (Debian), each bridged container's /etc/vz/conf/CTID.conf (legacy or",
    "OpenVZ 7 NETIF), vznet.conf with the one network script both vzctl generations run for a",
    "container's veth, and the umount script for host routes.",
    "Unrelated lines and keys stay byte for byte; every file is written atomically and rolls back."})
public class SaveCommand implements PlanningCommand {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", converter = FormatChoice.class,
        completionCandidates = Formats.class, description = "Network config format: auto (by what exists under --root), rhel or debian.")
    Format format;

    /** --format: auto picks by what exists under --root. */
    enum Format { AUTO, RHEL, DEBIAN }

    static final class FormatChoice extends Converters.Choice<Format> {
        FormatChoice() {
            super(Format.class);
        }
    }

    @Option(names = "--diff", description = "Print the unified diff of every file that would change; write nothing.")
    boolean diff;

    @Option(names = "--stat", description = "Print how many lines each file would gain and lose, and the total; write nothing.")
    boolean stat;

    @Option(names = "--check", description = "Exit 0 when the files already describe the running state, else 1 with the diff.")
    boolean check;

    @Option(names = "--networkmanager", paramLabel = "MODE", defaultValue = "release", completionCandidates = NmModes.class,
        description = "RHEL nodes where NetworkManager runs and manages the NIC: release (NM_CONTROLLED=no on the bridge"
            + " and its ports, the network service owns them; default) or keep (NetworkManager stays in charge).")
    String networkManager;

    @Option(names = "--ct", paramLabel = "CTID", completionCandidates = Candidates.Containers.class,
        description = "Save only this container (repeatable; default: every container on a bridge).")
    List<String> cts = new ArrayList<>();

    /** Values for --networkmanager completion. */
    static final class NmModes extends ArrayList<String> {
        NmModes() {
            super(List.of("release", "keep"));
        }
    }

    /** Values for --format completion. */
    static final class Formats extends ArrayList<String> {
        Formats() {
            super(List.of("auto", "rhel", "debian"));
        }
    }

    @Override
    public Plan plan(CommandContext ctx) {
        cts.forEach(Names::ctid);
        if (diff && check) throw new UsageException("--diff and --check exclude each other (--check prints the diff too)");
        if (stat && check) throw new UsageException("--stat and --check exclude each other (--check prints the diff)");
        String fmt = resolveFormat(ctx);
        RunningConfig cfg = RunningConfig.observe(ctx.host(), ctx.containers(), new LinkedHashSet<>(cts));
        FileSet files = new FileSet(ctx.files(), ctx.version());
        NetworkManager.Mode nm = NetworkManager.Mode.of(networkManager);
        if (nm == null) throw new UsageException("save: --networkmanager must be release or keep, not '" + networkManager + "'");
        if (fmt.equals("rhel")) RhelNetworkFiles.write(cfg, ctx.containers().openvz(), nm, files);
        else DebianNetworkFile.write(cfg, files);
        VzFiles.write(cfg, ctx.containers().openvz(), files);
        PluginBlocks.write(ctx, fmt.equals("rhel") ? BootFiles.Format.RHEL : BootFiles.Format.DEBIAN, files);

        Plan.Builder plan = Plan.builder(ctx.commandLine());
        cfg.notes().forEach(plan::note);
        if (cfg.bridges().isEmpty()) plan.note("no bridge with ports: nothing to save");
        for (FileSet.Desired d : files.all()) {
            Optional<byte[]> now = ctx.files().read(d.path());
            Optional<Integer> mode = ctx.files().mode(d.path());
            if (now.isPresent() && Arrays.equals(now.get(), d.content()) && mode.orElse(-1) == d.mode()) continue;
            Action undo = now.isPresent() ? new WriteFile(d.path(), now.get(), mode.orElse(0644)) : new DeleteFile(d.path());
            plan.change("write " + ctx.files().shown(d.path()), List.of(new Step(new WriteFile(d.path(), d.content(), d.mode()), List.of(undo), Set.of())));
            plan.file(d.path());
        }
        files.notes().forEach(plan::note);
        return plan.build();
    }

    private String resolveFormat(CommandContext ctx) {
        switch (format) {
            case RHEL:
                return "rhel";
            case DEBIAN:
                return "debian";
            default:
                boolean rhel = ctx.files().exists(RhelNetworkFiles.DIR);
                boolean debian = ctx.files().exists(DebianNetworkFile.PATH);
                if (rhel && debian)
                    throw new UsageException("save: both " + RhelNetworkFiles.DIR + " and " + DebianNetworkFile.PATH + " exist; choose --format rhel or debian");
                if (!rhel && !debian)
                    throw new UsageException("save: neither " + RhelNetworkFiles.DIR + " nor " + DebianNetworkFile.PATH + " exists under the root; choose --format rhel or debian");
                return rhel ? "rhel" : "debian";
        }
    }

    /** --diff, --stat and --check report instead of applying. */
    @Override
    public Report instead(CommandContext ctx, Plan plan) {
        if (!diff && !check && !stat) return null;
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> data = new ArrayList<>();
        DiffStat summary = new DiffStat();
        for (var change : plan.changes()) {
            for (Step step : change.steps()) {
                if (!(step.apply() instanceof WriteFile w)) continue;
                String d = ctx.diff(w.path(), w.content());
                Optional<Integer> mode = ctx.files().mode(w.path());
                String modeNote = mode.isPresent() && mode.get() != w.mode()
                    ? String.format("mode of %s: %o -> %o%n", w.path(), mode.get(), w.mode()) : "";
                if (diff || check) text.append(modeNote).append(d);
                DiffStat.Counts counts = summary.add(w.path(), d);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", w.path());
                entry.put("diff", d);
                entry.put("mode", String.format("%o", w.mode()));
                entry.put("added", counts.added());
                entry.put("removed", counts.removed());
                data.add(entry);
            }
        }
        // as git diff --stat --patch: the summary first, then the diff
        if (stat && !plan.isEmpty()) text.insert(0, summary.render());
        plan.notes().forEach(n -> text.append("note: ").append(n).append('\n'));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("inSync", plan.isEmpty());
        result.put("files", data);
        if (plan.isEmpty()) text.insert(0, "the files already describe the running state\n");
        return new Report(text.toString(), result, check && !plan.isEmpty() ? 1 : 0);
    }
}
