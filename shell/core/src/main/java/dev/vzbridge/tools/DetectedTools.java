package dev.vzbridge.tools;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;

/**
 * --tools auto: the node's flavour, asked of its ip ("ip link help") only when the
 * first step is spelled, and once. Commands that plan nothing (help, lists, show,
 * completion) never start that process.
 */
final class DetectedTools implements NetTools {
    private final CommandRunner node;
    private volatile NetTools detected;

    DetectedTools(CommandRunner node) {
        this.node = node;
    }

    private NetTools tools() {
        NetTools t = detected;
        if (t == null) {
            synchronized (this) {
                if (detected == null)
                    detected = ToolFlavours.ipKnowsBridges(node) ? new Iproute2Tools() : new LegacyTools();
                t = detected;
            }
        }
        return t;
    }

    public String flavour() {
        return tools().flavour();
    }

    public Step addBridge(String bridge) {
        return tools().addBridge(bridge);
    }

    public Step deleteBridge(String bridge, boolean stp, int forwardDelay, String mac) {
        return tools().deleteBridge(bridge, stp, forwardDelay, mac);
    }

    public Step setStp(String bridge, boolean on, boolean previous) {
        return tools().setStp(bridge, on, previous);
    }

    public Step setForwardDelay(String bridge, int seconds, int previous) {
        return tools().setForwardDelay(bridge, seconds, previous);
    }

    public Step setMac(String dev, String mac, String previous) {
        return tools().setMac(dev, mac, previous);
    }

    public Step enslave(String port, String bridge) {
        return tools().enslave(port, bridge);
    }

    public Step release(String port, String bridge) {
        return tools().release(port, bridge);
    }

    public Step up(String dev, boolean wasUp) {
        return tools().up(dev, wasUp);
    }

    public Step down(String dev, boolean wasUp) {
        return tools().down(dev, wasUp);
    }

    public Step addAddress(String dev, Cidr address) {
        return tools().addAddress(dev, address);
    }

    public Step deleteAddress(String dev, Cidr address) {
        return tools().deleteAddress(dev, address);
    }

    public Step addRoute(Route route) {
        return tools().addRoute(route);
    }

    public Step deleteRoute(Route route) {
        return tools().deleteRoute(route);
    }
}
