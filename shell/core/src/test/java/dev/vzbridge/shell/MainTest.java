package dev.vzbridge.shell;

import dev.vzbridge.plugins.PluginSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The program as the launcher starts it; none of these needs the host. */
class MainTest {
    @TempDir
    static Path home;
    private static String savedHome;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void installation() {
        savedHome = System.getProperty(PluginSources.HOME_PROPERTY);
        System.setProperty(PluginSources.HOME_PROPERTY, home.toString()); // no plugins: no build-tree discovery
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null)
            System.setProperty("org.slf4j.simpleLogger.logFile", home.resolve("test.log").toString());
    }

    @AfterAll
    static void restore() {
        if (savedHome == null) System.clearProperty(PluginSources.HOME_PROPERTY);
        else System.setProperty(PluginSources.HOME_PROPERTY, savedHome);
    }

    private static Run main(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true), new PrintStream(err, true), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelp() {
        Run version = main("", "--version");
        assertEquals(0, version.code());
        assertEquals("vzbridge " + Session.VERSION + "\n", version.out());
        Run help = main("", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: vzbridge "), help.out());
        assertTrue(help.out().contains("--dry-run") && help.out().contains("Exit codes:"), help.out());
        assertTrue(help.out().contains("Commands ('help COMMAND' shows its options):"), help.out());
        assertTrue(help.out().matches("(?s).*\n  history +List transactions.*"), help.out());
        assertTrue(help.out().matches("(?s).*\n  plugin +Show loaded plugins.*"), help.out());
    }

    @Test
    void aCommandGivenAsWordsRunsLikeMinusC() {
        Run direct = main("", "--json", "plugin", "list");
        assertEquals(0, direct.code(), direct.err());
        assertEquals(main("", "--json", "-c", "plugin list").out(), direct.out());
        // options after the command's name belong to the command, as with git and nmcli
        Run usage = main("", "plugin", "list", "--debug");
        assertEquals(2, usage.code(), usage.err());
        assertEquals("vzbridge: plugin list: unknown option '--debug'\n", usage.err());
        // each word arrives as given: nothing is split or unquoted again
        Run oneWord = main("", "help", "plugin list");
        assertEquals(2, oneWord.code());
        assertEquals("vzbridge: help: no command 'plugin list'; 'help' lists them\n", oneWord.err());
        Run quote = main("", "help", "it's");
        assertEquals("vzbridge: help: no command 'it's'; 'help' lists them\n", quote.err());
        Run unknown = main("", "bridge", "list");
        assertEquals(2, unknown.code());
        assertEquals("vzbridge: unknown command 'bridge'; try 'help'\n", unknown.err());
    }

    @Test
    void wordsAndMinusCTogetherAreAUsageError() {
        Run both = main("", "-c", "help", "history");
        assertEquals(2, both.code());
        assertEquals("vzbridge: give a command either as words or with -c, not both ('history' is left over)\n", both.err());
    }

    @Test
    void aBadOptionIsOneLineAndExit2() {
        Run r = main("", "--bogus");
        assertEquals(2, r.code());
        assertEquals("vzbridge: Unknown option: '--bogus' (vzbridge --help shows the options)\n", r.err());
        assertEquals(2, main("", "-c", "help", "-f", "x").code());
    }

    @Test
    void anEmptyOrBlankCommandOrARootThatIsAFileIsAUsageError() throws Exception {
        Run empty = main("", "-c", "");
        assertEquals(2, empty.code());
        assertEquals("vzbridge: -c needs a command line; it was empty\n", empty.err());
        Run blank = main("", "-c", " \t ");
        assertEquals(2, blank.code());
        assertEquals("vzbridge: -c needs a command line; it was blank\n", blank.err());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("vzbridge-root", ".txt");
        try {
            Run root = main("", "--root", file.toString(), "-c", "save --diff");
            assertEquals(2, root.code());
            assertEquals("vzbridge: --root " + file + " is a regular file; it names the directory that stands for the node's /\n", root.err());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void dashCRunsOneCommand() {
        Run r = main("", "-c", "help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n  plugin "), r.out());
        Run unknown = main("", "-c", "frobnicate now");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("vzbridge: unknown command 'frobnicate'"), unknown.err());
    }

    @Test
    void pipedStdinIsABatch() {
        Run r = main("help\n# nothing\nnope\nhelp\n");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("vzbridge: <stdin>:3: unknown command 'nope'"), r.err());
    }

    @Test
    void dashFRunsAFile() throws Exception {
        Path file = home.resolve("b.vzb");
        Files.writeString(file, "set topic=plugin\nhelp ${topic} \\\n  list\n");
        Run r = main("", "-f", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: plugin list"), r.out());
        Run missing = main("", "-f", home.resolve("missing.vzb").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("vzbridge: cannot read "), missing.err());
    }

    @Test
    void jsonErrorsFromTheProgram() {
        Run r = main("", "--json", "-c", "nope");
        assertEquals(2, r.code());
        assertEquals("{\"exit\":2,\"changed\":false,\"error\":\"unknown command 'nope'; try 'help'\"}\n", r.out());
    }

    @Test
    void everyInvocationWarnsOfAnUnfinishedTransactionInOneLine(@TempDir Path root) {
        dev.vzbridge.engine.journal.Journal j = dev.vzbridge.engine.journal.Journal.create(root, "20261201-000000-000-dead");
        j.append(new dev.vzbridge.engine.journal.JournalRecord.Header("20261201-000000-000-dead", "t", "root", null,
            "bridge create br0 --nic eth0", java.util.List.of(), root.toString(), null, null, null, null, 1));
        j.append(new dev.vzbridge.engine.journal.JournalRecord.PlanRecord(dev.vzbridge.api.plan.Plan.builder("x").build()));
        for (String[] args : new String[][] {{"--root", root.toString(), "-c", "help"},
            {"--root", root.toString(), "-c", "plugin list"}, {"--root", root.toString(), "-f", "-"},
            {"--root", root.toString(), "--runtime", "netns", "-c", "history"}}) {
            Run r = main("help\n", args);
            assertEquals(0, r.code(), r.err());
            java.util.List<String> lines = r.err().lines().filter(l -> l.contains("20261201-000000-000-dead")).toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).contains("run 'recover'") && lines.get(0).contains("bridge create br0"), r.err());
        }
    }
}
