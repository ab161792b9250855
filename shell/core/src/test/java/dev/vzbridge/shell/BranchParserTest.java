package dev.vzbridge.shell;

import dev.vzbridge.api.host.HostState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line names its branch of a command group: only that branch is built to parse it, and it parses as the whole. */
class BranchParserTest {
    @Test
    void eachBranchOfAGroupParsesAsTheWholeCommand() {
        assertTrue(BranchParserCheck.assertSameAsWhole(List.of(new TestCommands())) >= 2);
    }

    @Test
    void onlyTheNamedBranchIsBuiltAndAnythingElseGetsTheWholeCommand() {
        List<CommandCatalog.Source> sources = new ArrayList<>(CommandCatalog.builtinSources());
        sources.add(new CommandCatalog.Source("test", new TestCommands()));
        CommandCatalog catalog = new CommandCatalog(sources, HostState::empty, message -> {
            throw new AssertionError(message);
        });
        assertEquals(Set.of("add"), catalog.fresh(List.of("bridge", "add", "br0")).getSubcommands().keySet());
        assertEquals(Set.of("add", "list"), catalog.fresh(List.of("bridge", "ad")).getSubcommands().keySet(), "a typo: suggestions need the whole group");
        assertEquals(Set.of("add", "list"), catalog.fresh(List.of("bridge", "--help")).getSubcommands().keySet());
        assertEquals(Set.of("add", "list"), catalog.fresh(List.of("bridge")).getSubcommands().keySet());
    }
}
