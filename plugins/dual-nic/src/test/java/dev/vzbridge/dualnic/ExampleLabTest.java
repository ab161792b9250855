package dev.vzbridge.dualnic;

import dev.vzbridge.bridge.BridgePlugin;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.host.NodeAccess;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import dev.vzbridge.tools.ToolFlavours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** examples/dual-nic.vzb through the real shell and engine, in the lab, as 'vzbridge --lab -f' runs it. */
@LabTest
class ExampleLabTest {
    static final Path EXAMPLE = Path.of("../../examples/dual-nic.vzb");

    @TempDir
    Path root;

    @Test
    void theExampleRunsAndShowSaysWhatCarriesWhat(Lab lab) throws Exception {
        var runner = lab.nodeRunner();
        var tools = ToolFlavours.select("iproute2", runner);
        NodeAccess host = new NodeAccess(runner, tools, new NetnsRuntime(runner, lab.ctNetnsPattern(), tools), root, null, null);
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        try (ShellDriver shell = ShellDriver.withEngine(options, host, new BridgePlugin(), new DualNicCommands())) {
            ShellDriver.Result r = shell.batch("examples/dual-nic.vzb", Files.readString(EXAMPLE));
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(lab.ping(lab.ctNetns("101"), Lab.ISP_GATEWAY), "CT 101 reaches the ISP gateway");
            assertTrue(lab.ping(lab.nodeNetns(), "203.0.113.195"), "the node reaches CT 101 over br0");
            assertTrue(lab.run(lab.nodeNetns(), "ip", "route", "get", Lab.LAN_GATEWAY).contains("dev eth1"));

            ShellDriver.Result show = shell.run("dualnic show");
            assertEquals(0, show.exitCode(), show::toString);
            assertTrue(show.stdout().contains("paths: node → 10.0.0.1 via eth1; CTs on br0 → eth0"), show::toString);
            assertTrue(show.stdout().contains("CT 101 203.0.113.195: reachable from the node via br0"), show::toString);

            assertEquals(0, shell.run("ct detach 101").exitCode());
            ShellDriver.Result down = shell.run("dualnic teardown");
            assertEquals(0, down.exitCode(), down::toString);
            assertTrue(lab.run(lab.nodeNetns(), "ip", "route", "get", Lab.LAN_GATEWAY).contains("dev eth0"));
        }
    }
}
