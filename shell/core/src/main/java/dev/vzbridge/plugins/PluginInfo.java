package dev.vzbridge.plugins;

import java.util.List;

/**
 * What {@code plugin list} shows about one plugin.
 *
 * @param state PF4J state (STARTED, FAILED, …) or REFUSED/UNLOADABLE when it never got that far
 * @param problem why it is not usable, or null
 */
public record PluginInfo(String id, String version, String state, List<String> commands, String path, String problem) {
    public PluginInfo {
        commands = List.copyOf(commands);
    }

    public PluginInfo withCommands(List<String> names) {
        return new PluginInfo(id, version, state, names, path, problem);
    }
}
