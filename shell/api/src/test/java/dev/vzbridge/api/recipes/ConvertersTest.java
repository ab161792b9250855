package dev.vzbridge.api.recipes;

import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Values arrive typed and checked by the one rule each; a refusal names the option as the rule words it. */
class ConvertersTest {
    enum Format { AUTO, RHEL, DEBIAN }

    static final class Formats extends Converters.Choice<Format> {
        Formats() {
            super(Format.class);
        }
    }

    @Command(name = "demo")
    static final class Demo {
        @Parameters(index = "0", converter = Converters.BridgeName.class)
        String bridge;
        @Option(names = "--nic", converter = Converters.InterfaceName.class)
        String nic;
        @Option(names = "--address")
        List<Cidr> addresses = new ArrayList<>();
        @Option(names = "--gateway")
        IpAddress gateway;
        @Option(names = "--stp")
        Switch stp;
        @Option(names = "--mac", converter = Converters.Mac.class)
        String mac;
        @Option(names = "--format", converter = Formats.class, defaultValue = "auto")
        Format format;
    }

    private static Demo parse(String... args) {
        Demo d = new Demo();
        Converters.register(new CommandLine(d)).parseArgs(args);
        return d;
    }

    private static String refusal(String... args) {
        return Converters.message(assertThrows(CommandLine.ParameterException.class, () -> parse(args)));
    }

    @Test
    void goodValuesArriveTyped() {
        Demo d = parse("br0", "--nic", "eth0", "--address", "10.0.0.2/24", "--address", "10.0.1.2/24", "--gateway", "10.0.0.1",
            "--stp", "yes", "--mac", "02:AA:00:00:00:01", "--format", "rhel");
        assertEquals("br0", d.bridge);
        assertEquals("eth0", d.nic);
        assertEquals(List.of(Cidr.parse("10.0.0.2/24"), Cidr.parse("10.0.1.2/24")), d.addresses);
        assertEquals(IpAddress.parse("10.0.0.1"), d.gateway);
        assertEquals(Switch.ON, d.stp);
        assertEquals("02:aa:00:00:00:01", d.mac);
        assertEquals(Format.RHEL, d.format);
        Demo plain = parse("br0");
        assertNull(Switch.of(plain.stp));
        assertEquals(Format.AUTO, plain.format);
    }

    @Test
    void aRefusalReadsAsTheRuleWordsItForThatOption() {
        assertEquals("bridge name 'br;0' contains ';'; interface names use only ASCII letters, digits, '_', '.' and '-'",
            refusal("br;0"));
        assertEquals("--nic: empty interface name", refusal("br0", "--nic", ""));
        assertEquals("--address 127.0.0.2/8 is a loopback address", refusal("br0", "--address", "127.0.0.2/8"));
        assertEquals("--gateway '10.0.0.1/24' must be an address without a prefix length", refusal("br0", "--gateway", "10.0.0.1/24"));
        assertEquals("--gateway: empty gateway", refusal("br0", "--gateway", ""));
        assertEquals("--stp '' must be on or off", refusal("br0", "--stp", ""));
        assertEquals("--mac 01:00:5e:00:00:01 is a multicast MAC, not usable for an interface", refusal("br0", "--mac", "01:00:5e:00:00:01"));
        assertEquals("unknown --format 'yaml' (auto, rhel or debian)", refusal("br0", "--format", "yaml"));
    }

    @Test
    void otherParseErrorsKeepPicocliWords() {
        assertEquals("Unknown option: '--bogus'", refusal("br0", "--bogus"));
    }
}
