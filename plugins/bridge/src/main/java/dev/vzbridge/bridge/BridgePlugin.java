package dev.vzbridge.bridge;

import dev.vzbridge.api.command.CommandProvider;
import org.pf4j.Extension;

import java.util.List;

/** Contributes the 'bridge' and 'ct' commands. */
@Extension
public final class BridgePlugin implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(BridgeCommand.class, CtCommand.class);
    }
}
