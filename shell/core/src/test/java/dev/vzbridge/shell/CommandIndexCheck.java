package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For every module with commands: its {@link CommandIndex} file must say what its
 * real command tree says. A command added, removed or redescribed without
 * regenerating the file fails the module's test; {@code -Dvzbridge.writeIndex=true}
 * regenerates it.
 */
public final class CommandIndexCheck {
    private CommandIndexCheck() {
    }

    /** @param module the module's folder (tests run in it) */
    public static void assertCurrent(Path module, List<CommandProvider> providers) throws IOException {
        String real = CommandIndex.render(CommandIndex.of(providers));
        Path file = module.resolve("src/main/resources").resolve(CommandIndex.RESOURCE);
        if (Boolean.getBoolean("vzbridge.writeIndex")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, real);
        }
        String kept = Files.exists(file) ? Files.readString(file) : "";
        assertEquals(real, kept, file + " does not match the commands: regenerate it with "
            + "mvn -o -pl " + module.toAbsolutePath().getFileName() + " -am test -Dtest=CommandIndexTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dvzbridge.writeIndex=true");
    }
}
