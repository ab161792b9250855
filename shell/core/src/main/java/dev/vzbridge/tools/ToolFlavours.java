package dev.vzbridge.tools;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.tools.EffectTools;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.RunnerException;

/** Picks the tool flavour: --tools iproute2|legacy|auto. */
public final class ToolFlavours {
    private ToolFlavours() {
    }

    /**
     * The node's intents: the flavour's argv, each step with its typed effect.
     *
     * @throws UsageException for an unknown flavour name
     */
    public static NetTools select(String choice, CommandRunner node) {
        String c = choice == null ? "auto" : choice;
        return switch (c) {
            case "iproute2" -> new EffectTools(new Iproute2Tools(), null);
            case "legacy" -> new EffectTools(new LegacyTools(), null);
            case "auto" -> new EffectTools(new DetectedTools(node), null);
            default -> throw new UsageException("--tools must be auto, iproute2 or legacy, not '" + c + "'");
        };
    }

    /** Legacy when the node's ip cannot make bridges (its "ip link help" lists no bridge type) or is missing. */
    public static NetTools detect(CommandRunner node) {
        return new EffectTools(ipKnowsBridges(node) ? new Iproute2Tools() : new LegacyTools(), null);
    }

    /**
     * A command is about to plan: under --tools auto, the node's ip is asked its flavour
     * now, in the background, so that the answer is there (or nearly) when the first step
     * is spelled, instead of one more process after the host read. Other choices: nothing.
     */
    public static void askAhead(NetTools tools) {
        NetTools flavour = tools instanceof EffectTools effects ? effects.commands() : tools;
        if (flavour instanceof DetectedTools detected) detected.askAhead();
    }

    /** The same intents run inside container {@code ctid} through {@code wrap}, with effects in its view. */
    public static NetTools inside(NetTools node, String ctid, java.util.function.UnaryOperator<java.util.List<String>> wrap) {
        return new EffectTools(new PrefixedTools(node, wrap), ctid);
    }

    /** True when ip on {@code node} can make bridges (asks "ip link help"); false when ip is missing. */
    public static boolean ipKnowsBridges(CommandRunner node) {
        try {
            ExecResult r = node.run("ip", "link", "help");
            // "ip link help" exits non-zero and prints its usage on stderr.
            return (r.stdout() + r.stderr()).contains("bridge");
        } catch (RunnerException e) {
            return false;
        }
    }
}
