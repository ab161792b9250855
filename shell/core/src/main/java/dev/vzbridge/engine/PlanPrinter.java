package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.DeleteFile;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.RestoreFile;
import dev.vzbridge.api.plan.WriteFile;
import dev.vzbridge.engine.journal.JournalJson;
import dev.vzbridge.exec.PrefixRunner;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** A plan as text: each change with its apply and revert lines, or as a standalone bash script. */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    /** The plan as a JSON tree, in the journal's form (for the --json envelope). */
    public static com.fasterxml.jackson.databind.JsonNode tree(Plan plan) {
        return JournalJson.tree(plan);
    }

    public static String text(Plan plan) {
        StringBuilder sb = new StringBuilder();
        if (plan.isEmpty()) return "nothing to do: " + plan.command() + "\n";
        sb.append("plan: ").append(plan.command()).append('\n');
        int i = 1;
        for (Change c : plan.changes()) {
            sb.append(String.format("%2d. %s%n", i++, c.summary()));
            for (Action a : c.apply()) sb.append("      apply:  ").append(a.render()).append('\n');
            for (Action a : c.revert()) sb.append("      revert: ").append(a.render()).append('\n');
        }
        if (!plan.checks().isEmpty()) {
            sb.append("checks:\n");
            for (Check c : plan.checks()) sb.append("      ").append(c.describe()).append('\n');
        }
        for (String n : plan.notes()) sb.append("note: ").append(n).append('\n');
        return sb.toString();
    }

    /**
     * A bash script doing what the apply path does: set -e, one comment per change.
     *
     * @param prefix   argv prefix that reaches the node (ip netns exec NS), may be empty
     * @param underRoot where node files live (--root)
     */
    public static String script(Plan plan, List<String> prefix, Function<String, Path> underRoot) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# vzbridge plan: ").append(oneLine(plan.command())).append('\n');
        sb.append("# Runs the apply path of the plan; unlike vzbridge it does not roll back on failure.\n");
        sb.append("set -e\n");
        if (plan.isEmpty()) sb.append("# nothing to do\n");
        int i = 1;
        for (Change c : plan.changes()) {
            sb.append("\n# ").append(i++).append(". ").append(oneLine(c.summary())).append('\n');
            for (Action a : c.apply()) sb.append(line(a, prefix, underRoot));
        }
        for (String n : plan.notes()) sb.append("# note: ").append(oneLine(n)).append('\n');
        return sb.toString();
    }

    private static String line(Action a, List<String> prefix, Function<String, Path> underRoot) {
        if (a instanceof Exec e) {
            String cmd = String.join(" ", PrefixRunner.through(prefix, e.argv()).stream().map(Exec::quote).toList());
            if (e.stdin() == null) return cmd + "\n";
            return cmd + " <<'" + delimiter(e.stdin()) + "'\n" + withNewline(e.stdin()) + delimiter(e.stdin()) + "\n";
        }
        if (a instanceof WriteFile w) {
            String path = Exec.quote(underRoot.apply(w.path()).toString());
            String body = textOf(w.content());
            StringBuilder sb = new StringBuilder("mkdir -p \"$(dirname " + path + ")\"\n");
            if (body != null && body.endsWith("\n")) {
                String d = delimiter(body);
                sb.append("cat > ").append(path).append(".vzbridge-new <<'").append(d).append("'\n").append(body).append(d).append('\n');
            } else {
                String b64 = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(w.content());
                sb.append("base64 -d > ").append(path).append(".vzbridge-new <<'EOF'\n").append(withNewline(b64)).append("EOF\n");
            }
            sb.append("chmod ").append(Integer.toOctalString(w.mode())).append(' ').append(path).append(".vzbridge-new\n");
            sb.append("mv -f ").append(path).append(".vzbridge-new ").append(path).append('\n');
            return sb.toString();
        }
        if (a instanceof DeleteFile d) return "rm -f " + Exec.quote(underRoot.apply(d.path()).toString()) + "\n";
        if (a instanceof RestoreFile r) return "# " + r.render() + "\n";
        return "# " + a.render() + "\n";
    }

    private static String textOf(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String delimiter(String body) {
        String d = "VZBRIDGE_EOF";
        while (body.contains(d)) d = d + "_";
        return d;
    }

    private static String withNewline(String s) {
        return s.endsWith("\n") ? s : s + "\n";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ');
    }
}
