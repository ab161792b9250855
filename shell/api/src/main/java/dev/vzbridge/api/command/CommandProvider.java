package dev.vzbridge.api.command;

import dev.vzbridge.api.persist.BootConfig;
import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * The extension point: a plugin contributes top-level commands. Each class is a
 * picocli {@code @Command} (with subcommands as needed) whose leaves implement
 * {@link PlanningCommand} or {@link QueryCommand}. The shell creates a fresh
 * instance per run, so fields hold only parsed options.
 */
public interface CommandProvider extends ExtensionPoint {
    List<Class<?>> commands();

    /** What the plugin keeps in the node's boot files, written by {@code save}; none by default. */
    default List<BootConfig> bootConfigs() {
        return List.of();
    }
}
