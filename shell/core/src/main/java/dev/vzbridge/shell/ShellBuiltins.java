package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandProvider;

import java.util.List;

/** Built-in commands of the shell package (picocli classes implementing BuiltinCommand). */
public final class ShellBuiltins implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(HelpCommand.class, ExitCommand.class, PluginCommand.class, ClearCommand.class);
    }
}
