package dev.vzbridge.engine.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.Destination;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.DeleteFile;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.RestoreFile;
import dev.vzbridge.api.plan.WriteFile;

import java.io.IOException;
import java.util.function.Function;

/**
 * How plans look in the journal and under --json. The API stays free of Jackson:
 * type names for actions, checks and effects come from mix-ins here, and
 * addresses, destinations and masters are written as the strings an admin reads.
 */
final class PlanJson {
    private PlanJson() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Exec.class, name = "exec"),
        @JsonSubTypes.Type(value = WriteFile.class, name = "write"),
        @JsonSubTypes.Type(value = RestoreFile.class, name = "restore"),
        @JsonSubTypes.Type(value = DeleteFile.class, name = "delete")
    })
    interface ActionTypes {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Check.Link.class, name = "link"),
        @JsonSubTypes.Type(value = Check.PortForwarding.class, name = "forwarding"),
        @JsonSubTypes.Type(value = Check.Address.class, name = "address"),
        @JsonSubTypes.Type(value = Check.Route.class, name = "route"),
        @JsonSubTypes.Type(value = Check.Ping.class, name = "ping")
    })
    interface CheckTypes {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Effect.LinkAdded.class, name = "link-added"),
        @JsonSubTypes.Type(value = Effect.LinkRemoved.class, name = "link-removed"),
        @JsonSubTypes.Type(value = Effect.Enslaved.class, name = "enslaved"),
        @JsonSubTypes.Type(value = Effect.Released.class, name = "released"),
        @JsonSubTypes.Type(value = Effect.LinkSet.class, name = "link-set"),
        @JsonSubTypes.Type(value = Effect.MacSet.class, name = "mac-set"),
        @JsonSubTypes.Type(value = Effect.StpSet.class, name = "stp-set"),
        @JsonSubTypes.Type(value = Effect.ForwardDelaySet.class, name = "forward-delay-set"),
        @JsonSubTypes.Type(value = Effect.AddressAdded.class, name = "address-added"),
        @JsonSubTypes.Type(value = Effect.AddressRemoved.class, name = "address-removed"),
        @JsonSubTypes.Type(value = Effect.RouteAdded.class, name = "route-added"),
        @JsonSubTypes.Type(value = Effect.RouteRemoved.class, name = "route-removed")
    })
    interface EffectTypes {
    }

    /** Mix-ins and string forms for the API's plan types. */
    static SimpleModule module() {
        SimpleModule m = new SimpleModule("vzbridge-plan");
        m.setMixInAnnotation(Action.class, ActionTypes.class);
        m.setMixInAnnotation(Check.class, CheckTypes.class);
        m.setMixInAnnotation(Effect.class, EffectTypes.class);
        text(m, Cidr.class, Cidr::toString, Cidr::parse);
        text(m, IpAddress.class, IpAddress::toString, IpAddress::parse);
        text(m, Destination.class, Destination::toString, Destination::parse);
        // A master is null (any), "" (none) or the bridge's name: the form journals have always had.
        m.addSerializer(Check.Master.class, new JsonSerializer<>() {
            public void serialize(Check.Master v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v instanceof Check.Master.Of of) g.writeString(of.bridge());
                else if (v instanceof Check.Master.None) g.writeString("");
                else g.writeNull();
            }
        });
        m.addDeserializer(Check.Master.class, new JsonDeserializer<>() {
            public Check.Master deserialize(JsonParser p, DeserializationContext c) throws IOException {
                String s = p.getValueAsString();
                return s == null ? Check.Master.ANY : s.isEmpty() ? Check.Master.NONE : Check.Master.of(s);
            }

            public Check.Master getNullValue(DeserializationContext c) {
                return Check.Master.ANY;
            }
        });
        return m;
    }

    private static <T> void text(SimpleModule m, Class<T> type, Function<T, String> write, Function<String, T> read) {
        m.addSerializer(type, new JsonSerializer<T>() {
            public void serialize(T v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(write.apply(v));
            }
        });
        m.addDeserializer(type, new JsonDeserializer<T>() {
            public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return read.apply(p.getValueAsString());
            }
        });
    }
}
