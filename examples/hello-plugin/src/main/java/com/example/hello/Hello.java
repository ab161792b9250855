package com.example.hello;

import picocli.CommandLine.Command;

/** A command group: {@code hello addr …}. Groups only hold subcommands. */
@Command(name = "hello", description = "Example plugin commands.", subcommands = HelloAddr.class)
public class Hello {
}
