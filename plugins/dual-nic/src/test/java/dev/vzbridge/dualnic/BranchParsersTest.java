package dev.vzbridge.dualnic;

import dev.vzbridge.bridge.BridgePlugin;
import dev.vzbridge.persistence.PersistenceCommands;
import dev.vzbridge.shell.BranchParserCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every branch of the shipped plugins' command groups (ct attach, bridge create, …) parses alone as in the whole group. */
class BranchParsersTest {
    @Test
    void everyBranchParsesAsInTheWholeGroup() {
        int branches = BranchParserCheck.assertSameAsWhole(List.of(new BridgePlugin(), new DualNicCommands(), new PersistenceCommands()));
        assertTrue(branches >= 7, branches + " branches built alone");
    }
}
