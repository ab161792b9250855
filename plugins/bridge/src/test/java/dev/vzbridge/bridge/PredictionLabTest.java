package dev.vzbridge.bridge;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.HostContext;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state a plan predicts from its steps' effects is the state the real kernel
 * is in after the engine applied it: the recipe's commands one by one, in both
 * flavours. And every derived check holds in the prediction itself.
 */
@LabTest
class PredictionLabTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"iproute2", "legacy"})
    void predictionFromEffectsMatchesTheKernel(String flavour, Lab lab) {
        LabNode node = new LabNode(lab, root, flavour, new BridgePlugin());
        List<String[]> commands = List.of(SingleNicLabTest.CREATE, SingleNicLabTest.ATTACH_101, SingleNicLabTest.ATTACH_102,
            new String[]{"ct", "detach", "102"}, new String[]{"ct", "detach", "101"}, new String[]{"bridge", "delete", "br0"});
        for (String[] words : commands) {
            String what = String.join(" ", words);
            HostState[] predicted = new HostState[1];
            Plan plan = Commands.planning(words).plan(new HostContext(node.host, new PrintWriter(node.err, true), Optional.empty(), what) {
                @Override
                public void expect(HostState after) {
                    predicted[0] = after;
                }
            });
            assertNotNull(predicted[0], what + " predicts its state");
            for (Check c : plan.checks())
                if (c instanceof Check.OfState s) assertTrue(s.holds(predicted[0]), what + ": " + c.describe() + " in the prediction");
            assertEquals(0, node.submit(plan, null), node.err::toString);
            assertEquals(shape(node.observe()), shape(predicted[0]), what);
        }
    }

    /** What planners decide on: links with master, up and bridge settings; global addresses; IPv4 routes. */
    static String shape(HostState h) {
        StringBuilder sb = new StringBuilder();
        view("node", h.links(), h.addresses(), h.routes(), sb);
        h.containers().forEach(c -> view("CT " + c.id(), c.links(), c.addresses(), c.routes(), sb));
        return sb.toString();
    }

    private static void view(String where, List<Link> links, List<Address> addresses, List<Route> routes, StringBuilder sb) {
        Stream.concat(
            links.stream().map(l -> "link " + l.name() + " master=" + l.master() + (l.up() ? " up" : " down")
                + (l.isBridge() && l.bridge() != null ? " stp=" + l.bridge().stp() + " fd=" + l.bridge().forwardDelay() : "")),
            Stream.concat(
                addresses.stream().filter(a -> !a.isLinkLocal()).map(a -> "addr " + a.dev() + " " + a.cidr()),
                routes.stream().filter(r -> !r.isV6()).map(r -> "route " + r.dst() + " via " + r.via() + " dev " + r.dev()
                    + (r.isKernel() ? " kernel" : ""))))
            .sorted().forEach(s -> sb.append(where).append(": ").append(s).append('\n'));
    }
}
