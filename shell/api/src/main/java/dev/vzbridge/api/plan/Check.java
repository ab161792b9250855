package dev.vzbridge.api.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A fact the engine verifies after applying a plan. {@code ct} is null for the
 * node itself, else the container ID whose view is checked.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Check.Link.class, name = "link"),
    @JsonSubTypes.Type(value = Check.PortForwarding.class, name = "forwarding"),
    @JsonSubTypes.Type(value = Check.Address.class, name = "address"),
    @JsonSubTypes.Type(value = Check.Route.class, name = "route"),
    @JsonSubTypes.Type(value = Check.Ping.class, name = "ping")
})
public sealed interface Check {
    String describe();

    /** Link present (with master: "" means no master, null means any) or absent. */
    record Link(String ct, String name, boolean present, String master) implements Check {
        public String describe() {
            String where = ct == null ? "" : "CT " + ct + ": ";
            if (!present) return where + name + " is gone";
            if (master == null) return where + name + " exists";
            return where + name + (master.isEmpty() ? " has no master" : " is a port of " + master);
        }
    }

    /** A bridge port reached STP forwarding state. */
    record PortForwarding(String bridge, String port) implements Check {
        public String describe() {
            return port + " forwards on " + bridge;
        }
    }

    record Address(String ct, String dev, String cidr, boolean present) implements Check {
        public String describe() {
            return (ct == null ? "" : "CT " + ct + ": ") + cidr + (present ? " on " : " not on ") + dev;
        }
    }

    /** A route to dst ("default" or CIDR), via gateway (nullable) over dev (nullable = any). */
    record Route(String ct, String dst, String via, String dev, boolean present) implements Check {
        public String describe() {
            return (ct == null ? "" : "CT " + ct + ": ") + "route " + dst + (via == null ? "" : " via " + via)
                + (dev == null ? "" : " dev " + dev) + (present ? " present" : " absent");
        }
    }

    /** The node (ct null) or a container answers pings to target. */
    record Ping(String ct, String target) implements Check {
        public String describe() {
            return (ct == null ? "node" : "CT " + ct) + " reaches " + target;
        }
    }
}
