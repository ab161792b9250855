package dev.vzbridge.engine;

import dev.vzbridge.api.command.CommandProvider;

import java.util.List;

/** Built-in commands of the engine package (picocli classes implementing BuiltinCommand). */
public final class EngineCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of();
    }
}
