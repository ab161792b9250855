package dev.vzbridge.host;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code ip -j} output: {@code -d link show}, {@code addr show} and
 * {@code route show table all} (filtered to the main table's unicast routes).
 */
public final class IpJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SKIPPED_ROUTE_TYPES =
        Set.of("local", "broadcast", "anycast", "multicast", "nat", "unreachable", "prohibit", "blackhole", "throw");

    private IpJson() {
    }

    /** The JSON arrays of one {@code ip -j -batch} run, in order. */
    public static List<JsonNode> arrays(String text) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        // One tree per top-level value (a MappingIterator would unwrap the first array instead).
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            while (p.nextToken() != null) {
                JsonNode n = MAPPER.readTree(p);
                if (n == null || !n.isArray()) throw new IOException("expected a JSON array, got " + (n == null ? "nothing" : n.getNodeType()));
                out.add(n);
            }
        }
        return out;
    }

    public static List<Link> links(JsonNode array) {
        List<Link> out = new ArrayList<>();
        for (JsonNode l : array) {
            JsonNode info = l.path("linkinfo");
            String kind = text(info, "info_kind");
            String linkType = text(l, "link_type");
            if (kind == null) kind = "loopback".equals(linkType) ? "loopback" : linkType == null ? "ether" : linkType;
            BridgeInfo bridge = null;
            if ("bridge".equals(kind) && info.path("info_data").has("stp_state")) {
                JsonNode d = info.path("info_data");
                bridge = new BridgeInfo(d.path("stp_state").asInt() != 0, IpValues.seconds(d.path("forward_delay").asLong()));
            }
            String portState = null;
            if ("bridge".equals(text(info, "info_slave_kind"))) {
                portState = IpValues.name(text(info.path("info_slave_data"), "state"));
            }
            boolean up = false;
            for (JsonNode f : l.path("flags")) up |= "UP".equals(f.asText());
            out.add(new Link(l.path("ifname").asText(), l.path("ifindex").asInt(), kind, text(l, "master"), up,
                text(l, "address"), bridge, portState));
        }
        return out;
    }

    public static List<Address> addresses(JsonNode array) {
        List<Address> out = new ArrayList<>();
        for (JsonNode l : array) {
            String dev = l.path("ifname").asText();
            for (JsonNode a : l.path("addr_info")) {
                String family = text(a, "family");
                if (!"inet".equals(family) && !"inet6".equals(family)) continue;
                out.add(new Address(dev, a.path("local").asText() + "/" + a.path("prefixlen").asInt(), text(a, "scope")));
            }
        }
        return out;
    }

    public static List<Route> routes(JsonNode array) {
        List<Route> out = new ArrayList<>();
        for (JsonNode r : array) {
            String table = text(r, "table");
            if (table != null && !table.equals("main") && !table.equals("254")) continue;
            String type = text(r, "type");
            if (type != null && SKIPPED_ROUTE_TYPES.contains(type)) continue;
            Integer metric = r.has("metric") ? r.get("metric").asInt() : null;
            out.add(new Route(IpValues.cidrOf(text(r, "dst")), text(r, "gateway"), text(r, "dev"), IpValues.proto(text(r, "protocol")),
                IpValues.scope(text(r, "scope")), metric, text(r, "prefsrc")));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
