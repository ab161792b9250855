package dev.vzbridge.doc;

import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bash completion script: picocli generates the completion of every command
 * and option; a small wrapper applies it to the direct form ({@code vzbridge
 * COMMAND ARGS...}) and inside the quoted command line of {@code vzbridge -c '…'}.
 * Values read from the node (interfaces, bridges, containers, transactions) are
 * empty when the script is generated; the script asks vzbridge itself for them at
 * TAB ({@code --complete}), so bash completes them as the console does.
 */
final class BashCompletion {
    /** A value list picocli wrote from live candidates, which are empty at build time. */
    private static final Pattern LIVE_VALUES = Pattern.compile("(?m)^(\\s*)local (\\w+)=\\(\"\"\\)( # .*)?$");
    /** The launcher's --netns: namespaces exist only at TAB time. */
    private static final Pattern NETNS_CASE = Pattern.compile("(?m)^(\\s*)'--netns'\\)\\n\\s*return\\n");

    private BashCompletion() {
    }

    static String render(CommandLine root) {
        String generated = AutoComplete.bash("vzbridge", root);
        // picocli registers its entry point directly; the wrapper registers instead.
        generated = generated.replaceAll("(?m)^complete -F _complete_vzbridge.*$", "");
        generated = askForLiveValues(generated);
        generated = completeNamespaces(generated);
        String wrapper = wrapper().replace("@VALUE_OPTIONS@", valueOptions(root));
        return generated + "\n" + wrapper;
    }

    /** Each list of live values is filled where it is used, by asking vzbridge (one JVM start per such TAB). */
    static String askForLiveValues(String script) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = LIVE_VALUES.matcher(script);
        StringBuilder declared = new StringBuilder();
        while (m.find()) {
            names.add(m.group(2));
            m.appendReplacement(declared, Matcher.quoteReplacement(m.group(1) + "local -a " + m.group(2) + "=()"
                + (m.group(3) == null ? "" : m.group(3) + " (read at TAB)")));
        }
        m.appendTail(declared);
        if (names.isEmpty()) throw new IllegalStateException("the generated completion has no live value lists: picocli's output changed");
        String result = declared.toString();
        for (String name : names) {
            String use = "compReplyArray \"${" + name + "[@]}\"";
            if (!result.contains(use)) throw new IllegalStateException("the generated completion never uses " + name);
            result = result.replace(use, "_vzbridge_live " + name + "; " + use);
        }
        return result;
    }

    static String completeNamespaces(String script) {
        Matcher m = NETNS_CASE.matcher(script);
        if (!m.find()) throw new IllegalStateException("the generated completion has no case for --netns: picocli's output changed");
        String indent = m.group(1);
        return m.replaceFirst(Matcher.quoteReplacement(indent + "'--netns')\n"
            + indent + "  local IFS=$'\\n'\n"
            + indent + "  COMPREPLY=( $( compgen -W \"$(ip netns list 2>/dev/null | cut -d' ' -f1)\" -- \"${curr_word}\" ) )\n"
            + indent + "  return 0\n"));
    }

    /** The launcher's options that take a value, as " -c -f --root ... " (their values are not command words). */
    private static String valueOptions(CommandLine root) {
        return root.getCommandSpec().options().stream()
            .filter(o -> o.arity().max() > 0)
            .flatMap(o -> Arrays.stream(o.names()))
            .collect(Collectors.joining(" ", " ", " "));
    }

    private static String wrapper() {
        try (InputStream in = BashCompletion.class.getResourceAsStream("complete-c.bash")) {
            if (in == null) throw new IllegalStateException("missing resource complete-c.bash");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
