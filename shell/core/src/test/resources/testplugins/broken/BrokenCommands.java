package testplugins.broken;

import dev.vzbridge.api.command.CommandProvider;
import org.pf4j.Extension;

import java.util.List;

@Extension
public class BrokenCommands implements CommandProvider {
    public BrokenCommands() {
        throw new IllegalStateException("cannot initialise");
    }

    @Override
    public List<Class<?>> commands() {
        return List.of();
    }
}
