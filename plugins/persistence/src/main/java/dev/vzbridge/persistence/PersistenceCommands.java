package dev.vzbridge.persistence;

import dev.vzbridge.api.command.CommandProvider;
import org.pf4j.Extension;

import java.util.List;

/** The persistence plugin's commands. */
@Extension
public class PersistenceCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(SaveCommand.class);
    }
}
