package dev.vzbridge.bridge;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.recipes.FakeTools;
import dev.vzbridge.api.tools.ContainerRuntime;
import dev.vzbridge.api.tools.NetTools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A context over a hand-built HostState that records every look at the host. */
final class TestContext implements CommandContext {
    final HostState state;
    int observations;
    final List<String> probes = new ArrayList<>();
    final Map<String, String> owners = new HashMap<>();
    String ssh;
    String commandLine = "";
    final StringWriter errText = new StringWriter();

    TestContext(HostState state) {
        this.state = state;
    }

    public HostState host() {
        observations++;
        return state;
    }

    public NetTools tools() {
        return new FakeTools("node");
    }

    public ContainerRuntime containers() {
        return new FakeTools.Runtime();
    }

    public FileView files() {
        throw new UnsupportedOperationException("no files here");
    }

    public Optional<String> duplicateAddressOwner(String dev, String ip) {
        probes.add(dev + " " + ip);
        return Optional.ofNullable(owners.get(ip));
    }

    public String diff(String path, byte[] proposed) {
        return "";
    }

    public Optional<String> sshConnection() {
        return Optional.ofNullable(ssh);
    }

    public String commandLine() {
        return commandLine;
    }

    public PrintWriter err() {
        return new PrintWriter(errText, true);
    }

    public String version() {
        return "test";
    }
}
