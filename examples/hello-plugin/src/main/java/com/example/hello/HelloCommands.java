package com.example.hello;

import dev.vzbridge.api.command.CommandProvider;
import org.pf4j.Extension;

import java.util.List;

/** The plugin's entry point: PF4J finds it through @Extension, the shell asks it for commands. */
@Extension
public class HelloCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(Hello.class);
    }
}
