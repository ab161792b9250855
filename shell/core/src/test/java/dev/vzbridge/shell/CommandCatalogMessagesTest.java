package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.persist.BootConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A plugin that fails while the shell lists what it offers is named by its id, and the failure in words. */
class CommandCatalogMessagesTest {
    private static final Pattern JAVA_NAME = Pattern.compile(
        "\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\b[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*\\.[A-Z]\\w*|\\$");

    @Test
    void aBrokenPluginIsReportedWithoutJavaClassNames() {
        CommandProvider throwing = new CommandProvider() {
            public List<Class<?>> commands() {
                throw new IllegalStateException("its command list is empty on this node");
            }

            public List<BootConfig> bootConfigs() {
                throw new RuntimeException(new java.io.IOException("its settings file is gone"));
            }
        };
        CommandProvider unlinked = new CommandProvider() {
            public List<Class<?>> commands() {
                throw new NoClassDefFoundError("com/example/hello/Gone");
            }

            public List<BootConfig> bootConfigs() {
                throw new NullPointerException();
            }
        };
        List<String> warnings = new ArrayList<>();
        new CommandCatalog(List.of(new CommandCatalog.Source("hello", throwing), new CommandCatalog.Source("other", unlinked)),
            HostState::empty, warnings::add);
        assertEquals(List.of(
            "plugin hello: cannot list its commands: its command list is empty on this node",
            "plugin other: cannot list its commands: it does not fit this version of vzbridge (com/example/hello/Gone)",
            "plugin hello: cannot list what it saves: its settings file is gone",
            "plugin other: cannot list what it saves: internal error (--debug prints the details)"), warnings);
        for (String w : warnings) assertFalse(JAVA_NAME.matcher(w).find(), () -> "a Java class name: " + w);
    }
}
