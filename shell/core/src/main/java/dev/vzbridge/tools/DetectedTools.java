package dev.vzbridge.tools;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * --tools auto: the node's flavour, asked of its ip ("ip link help") once, and only
 * for a command that plans: in the background as soon as one is about to
 * ({@link #askAhead}), so the question overlaps the host read; else when the first
 * step is spelled. Commands that plan nothing (help, lists, show, completion) never
 * start that process.
 */
final class DetectedTools implements NetTools {
    private final CommandRunner node;
    private volatile NetTools detected;
    /** The question asked ahead, or null while nobody asked. */
    private CompletableFuture<NetTools> asked;

    DetectedTools(CommandRunner node) {
        this.node = node;
    }

    /** Starts asking the node's ip on a thread of its own, unless it was asked already. */
    synchronized void askAhead() {
        if (detected != null || asked != null) return;
        CompletableFuture<NetTools> answer = new CompletableFuture<>();
        Thread asking = new Thread(() -> {
            try {
                answer.complete(ask());
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        }, "vzbridge-tools-flavour");
        // The answer only matters to a plan: it must not keep the program alive.
        asking.setDaemon(true);
        asked = answer;
        asking.start();
    }

    private NetTools ask() {
        return ToolFlavours.ipKnowsBridges(node) ? new Iproute2Tools() : new LegacyTools();
    }

    private NetTools tools() {
        NetTools t = detected;
        if (t == null) {
            synchronized (this) {
                if (detected == null) detected = asked == null ? ask() : answerOf(asked);
                t = detected;
            }
        }
        return t;
    }

    /** The answer asked ahead, waited for if it is not there yet; its failure as if asked here. */
    private static NetTools answerOf(CompletableFuture<NetTools> asked) {
        try {
            return asked.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
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
