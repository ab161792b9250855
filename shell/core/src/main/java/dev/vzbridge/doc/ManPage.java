package dev.vzbridge.doc;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vzbridge(8) as AsciiDoc: picocli's man page generator writes each command's
 * synopsis, description, options and arguments; this stitches them into one page
 * (the global options on top, every command as a subsection of COMMANDS) and adds
 * the hand-written sections (exit status, files, environment, examples).
 */
final class ManPage {
    private static final Pattern SECTION = Pattern.compile(
        "// tag::picocli-generated-man-section-([a-z-]+)\\[]\\R(.*?)// end::picocli-generated-man-section-\\1\\[]",
        Pattern.DOTALL);

    private ManPage() {
    }

    static String render(CommandLine root, String version) {
        Map<String, String> top = sections(root.getCommandSpec());
        StringBuilder page = new StringBuilder();
        page.append("= vzbridge(8)\n")
            .append(":doctype: manpage\n")
            .append(":manmanual: vzbridge manual\n")
            .append(":mansource: vzbridge ").append(version).append('\n')
            .append(":man-linkstyle: pass:[blue R < >]\n\n")
            .append("== NAME\n\nvzbridge - put OpenVZ containers on bridged networks, safely\n\n")
            .append("== SYNOPSIS\n\n").append(top.get("synopsis"))
            .append("== DESCRIPTION\n\n").append(resource("man-description.adoc")).append('\n')
            .append("== OPTIONS\n\n").append(top.get("options"))
            .append("== COMMANDS\n\n")
            .append("The same command line works interactively, with *-c* and in batch files (*-f*).\n\n");
        for (CommandLine command : distinct(root)) appendCommand(page, command);
        page.append(resource("man-tail.adoc"));
        return page.toString();
    }

    /** One command (and, recursively, its subcommands) as a subsection. */
    private static void appendCommand(StringBuilder page, CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (command.getSubcommands().isEmpty()) {
            Map<String, String> s = sections(spec);
            page.append("=== ").append(spec.qualifiedName(" ").replaceFirst("^vzbridge ", "")).append("\n\n")
                .append(s.get("synopsis"))
                .append(s.get("description"))
                .append(s.get("options"))
                .append(s.get("arguments"));
        }
        for (CommandLine sub : distinct(command)) appendCommand(page, sub);
    }

    /** Visible subcommands, each once (aliases map to the same command). */
    private static Set<CommandLine> distinct(CommandLine command) {
        Set<CommandLine> subs = new LinkedHashSet<>(command.getSubcommands().values());
        subs.removeIf(c -> c.getCommandSpec().usageMessage().hidden());
        return subs;
    }

    /** The generator's sections for one command, without their headings. */
    static Map<String, String> sections(CommandSpec spec) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ManPageGenerator.writeSingleManPage(out, spec);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(text.toString());
        while (m.find()) {
            // Braces in help texts ("ct{id}") would be AsciiDoc attribute references.
            String body = m.group(2).replaceFirst("^== [^\\n]*\\R\\R?", "").replace("{", "\\{")
                // The generator writes a one-letter option with a value as "-c, CMD".
                .replaceAll("(?m)^\\*(-\\w)\\*, _([^_]+)_::$", "*$1* _$2_::");
            sections.put(m.group(1), body.isBlank() ? "" : body);
        }
        return sections;
    }

    private static String resource(String name) {
        try (InputStream in = ManPage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
