package dev.vzbridge.host;

import dev.vzbridge.api.command.CommandProvider;

import java.util.List;

/** Built-in commands of the host package (picocli classes implementing BuiltinCommand). */
public final class HostCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(ShowCommand.class, LabCommand.class);
    }
}
