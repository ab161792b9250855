package dev.vzbridge.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code ip -j} output: {@code -d link show}, {@code addr show} and
 * {@code route show table all} (filtered to the main table's unicast routes).
 * Uses Jackson's streaming parser into plain maps and lists: the probe runs on
 * every command, and a cold ObjectMapper costs about a second at start-up.
 */
public final class IpJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Set<String> SKIPPED_ROUTE_TYPES =
        Set.of("local", "broadcast", "anycast", "multicast", "nat", "unreachable", "prohibit", "blackhole", "throw");

    private IpJson() {
    }

    /** The JSON arrays of one {@code ip -j -batch} run, in order. */
    public static List<List<Object>> arrays(String text) throws IOException {
        List<List<Object>> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) throw new IOException("expected a JSON array, got " + t);
                out.add(array(p));
            }
        }
        return out;
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_ARRAY -> array(p);
            case START_OBJECT -> object(p);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + t);
        };
    }

    private static List<Object> array(JsonParser p) throws IOException {
        List<Object> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new IOException("unterminated array");
            out.add(value(p, t));
        }
        return out;
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.FIELD_NAME) throw new IOException("unexpected " + t);
            String name = p.currentName();
            out.put(name, value(p, p.nextToken()));
        }
        return out;
    }

    public static List<Link> links(List<Object> array) {
        List<Link> out = new ArrayList<>();
        for (Object o : array) {
            Map<?, ?> l = map(o);
            Map<?, ?> info = map(l.get("linkinfo"));
            String kind = text(info, "info_kind");
            String linkType = text(l, "link_type");
            if (kind == null) kind = "loopback".equals(linkType) ? "loopback" : linkType == null ? "ether" : linkType;
            BridgeInfo bridge = null;
            Map<?, ?> data = map(info.get("info_data"));
            if ("bridge".equals(kind) && data.containsKey("stp_state")) {
                bridge = new BridgeInfo(number(data, "stp_state") != 0, IpValues.seconds(number(data, "forward_delay")));
            }
            String portState = null;
            if ("bridge".equals(text(info, "info_slave_kind"))) {
                portState = IpValues.name(text(map(info.get("info_slave_data")), "state"));
            }
            boolean up = l.get("flags") instanceof List<?> flags && flags.contains("UP");
            out.add(new Link(text(l, "ifname"), (int) number(l, "ifindex"), kind, text(l, "master"), up,
                text(l, "address"), bridge, portState));
        }
        return out;
    }

    public static List<Address> addresses(List<Object> array) {
        List<Address> out = new ArrayList<>();
        for (Object o : array) {
            Map<?, ?> l = map(o);
            String dev = text(l, "ifname");
            if (!(l.get("addr_info") instanceof List<?> infos)) continue;
            for (Object i : infos) {
                Map<?, ?> a = map(i);
                String family = text(a, "family");
                if (!"inet".equals(family) && !"inet6".equals(family)) continue;
                out.add(new Address(dev, text(a, "local") + "/" + number(a, "prefixlen"), text(a, "scope")));
            }
        }
        return out;
    }

    public static List<Route> routes(List<Object> array) {
        List<Route> out = new ArrayList<>();
        for (Object o : array) {
            Map<?, ?> r = map(o);
            String table = text(r, "table");
            if (table != null && !table.equals("main") && !table.equals("254")) continue;
            String type = text(r, "type");
            if (type != null && SKIPPED_ROUTE_TYPES.contains(type)) continue;
            Integer metric = r.get("metric") instanceof Number n ? n.intValue() : null;
            out.add(new Route(IpValues.cidrOf(text(r, "dst")), text(r, "gateway"), text(r, "dev"),
                IpValues.proto(text(r, "protocol")), IpValues.scope(text(r, "scope")), metric, text(r, "prefsrc")));
        }
        return out;
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String text(Map<?, ?> m, String field) {
        Object v = m.get(field);
        return v == null ? null : String.valueOf(v);
    }

    private static long number(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s && s.matches("-?\\d+")) return Long.parseLong(s);
        return 0;
    }
}
