package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandProvider;

import java.util.List;

/** Built-in commands about the node itself: show and lab. */
public final class HostCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(ShowCommand.class, LabCommand.class);
    }
}
