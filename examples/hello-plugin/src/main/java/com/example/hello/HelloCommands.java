package com.example.hello;

import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.persist.BootConfig;
import org.pf4j.Extension;

import java.util.List;

/** The plugin's entry point: PF4J finds it through @Extension, the shell asks it for commands. */
@Extension
public class HelloCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(Hello.class);
    }

    /** What {@code vzbridge save} keeps for this plugin: the addresses it added. */
    @Override
    public List<BootConfig> bootConfigs() {
        return List.of(new HelloBootConfig());
    }
}
