package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.CommandProvider;
import org.pf4j.Extension;

import java.util.List;

/** The plugin's contribution to the shell. */
@Extension
public class DualNicCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(DualNicCommand.class);
    }
}
