package dev.vzbridge.persistence;

import dev.vzbridge.shell.CommandIndexCheck;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The index 'help' reads from this plugin's jar says what its commands say. */
class CommandIndexTest {
    @Test
    void thePluginsIndexSaysWhatItsCommandTreeSays() throws IOException {
        CommandIndexCheck.assertCurrent(Path.of(""), List.of(new PersistenceCommands()));
    }
}
