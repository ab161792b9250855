package dev.vzbridge.persistence;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.host.HostProbe;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.tools.ToolFlavours;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab node the start tests share: CT 101, the vzctl emulator on PATH (reachable
 * even from a hook's env -i) with the node's files under {@code root}, and br0 over
 * eth0 carrying the node's address and default route.
 */
final class EmulatedNode {
    final Lab lab;
    final Path root;
    private final Path bin;

    private EmulatedNode(Lab lab, Path root, Path bin) {
        this.lab = lab;
        this.root = root;
        this.bin = bin;
    }

    /** The emulator as vzctl of the legacy generation. */
    static EmulatedNode legacy(Lab lab, Path root, Path bin) throws IOException {
        EmulatedNode node = new EmulatedNode(lab, root, bin);
        node.install("#!/bin/sh\nVZCTL_EMU_NETNS='" + lab.ctNetnsPattern() + "' VZCTL_EMU_ROOT='" + root + "' exec '"
            + bin.resolve("emulator/vzctl") + "' \"$@\"\n");
        return node;
    }

    /**
     * The emulator as vzctl 7. A container named by {@code uuid} is the lab's CT 101 (the
     * emulator's containers are numbered).
     */
    static EmulatedNode openVz7(Lab lab, Path root, Path bin, String uuid) throws IOException {
        EmulatedNode node = new EmulatedNode(lab, root, bin);
        node.install("#!/bin/bash\nargs=(\"$@\")\n[ \"${args[1]:-}\" = " + uuid + " ] && args[1]=101\n"
            + "VZCTL_EMU_OPENVZ=7 VZCTL_EMU_NETNS='" + lab.ctNetnsPattern() + "' VZCTL_EMU_ROOT='" + root + "' exec '"
            + bin.resolve("emulator/vzctl") + "' \"${args[@]}\"\n");
        return node;
    }

    /** The emulator's tools, and {@code wrapper} as the vzctl on PATH. */
    private void install(String wrapper) throws IOException {
        Path emu = Files.createDirectories(bin.resolve("emulator"));
        for (String tool : List.of("vzctl", "vzlist")) {
            try (InputStream in = getClass().getResourceAsStream("/vzctl-emulator/" + tool)) {
                assertNotNull(in, "vzctl emulator on the test classpath");
                Files.write(emu.resolve(tool), in.readAllBytes());
            }
            Files.setPosixFilePermissions(emu.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(bin.resolve("vzctl"), wrapper);
        Files.setPosixFilePermissions(bin.resolve("vzctl"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * br0 over eth0 with the node's address and default route, STP off.
     *
     * @param forwardDelay in hundredths of a second (OpenVZ 7's installer leaves 200)
     */
    EmulatedNode bridged(int forwardDelay) {
        ip(hn(), "link add br0 type bridge forward_delay " + forwardDelay + " stp_state 0", "link set eth0 master br0",
            "addr del 10.0.0.2/24 dev eth0", "addr add 10.0.0.2/24 dev br0", "link set br0 up",
            "route add default via 10.0.0.1 dev br0");
        return this;
    }

    String hn() {
        return lab.nodeNetns();
    }

    String ct() {
        return lab.ctNetns("101");
    }

    /** PATH with the emulator first: the directory of the vzctl wrapper. */
    String path() {
        return bin + ":" + System.getenv("PATH");
    }

    /** Runs the emulator in the node namespace, as the admin's vzctl would run there. */
    ExecResult vzctl(String... args) {
        List<String> argv = new ArrayList<>(List.of("env", "PATH=" + path(), "vzctl"));
        argv.addAll(List.of(args));
        return lab.exec(hn(), argv);
    }

    static void ok(ExecResult r) {
        assertTrue(r.ok(), String.join(" ", r.argv()) + ": " + r.problem());
    }

    /** Runs "ip" with each command line (split at spaces) in the namespace. */
    void ip(String netns, String... commands) {
        for (String cmd : commands) {
            List<String> argv = new ArrayList<>(List.of("ip"));
            argv.addAll(List.of(cmd.split(" ")));
            lab.run(netns, argv.toArray(String[]::new));
        }
    }

    HostState observe() {
        var runtime = new NetnsRuntime(lab.nodeRunner(), lab.ctNetnsPattern(), ToolFlavours.select("iproute2", lab.nodeRunner()));
        return new HostProbe(lab.nodeRunner(), runtime).observe(null);
    }
}
