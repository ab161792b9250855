package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * picocli converters for the values commands take, so a command's fields arrive typed and
 * checked by the one rule for each ({@link Names}, {@link Inputs}) before it plans. The shell
 * registers {@link HostAddress} for every {@link Cidr} field, {@link Gateway} for every
 * {@link IpAddress} field and {@link OnOff} for every {@link Switch} field; the others are
 * named on the field:
 * {@code @Option(names = "--nic", converter = Converters.InterfaceName.class) String nic;}.
 * A refused value reads as the rule words it, with the option's name in front
 * ({@code --nic 'eth 0' contains whitespace; …}): see {@link #message}.
 */
public final class Converters {
    private Converters() {
    }

    /** An interface name by {@link Names#ifname}. */
    public static final class InterfaceName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return refused(value, option -> Names.ifname(option, value));
        }
    }

    /** A bridge given as a command's argument: an interface name, called "bridge name" in messages. */
    public static final class BridgeName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return refused(value, option -> Names.ifname("bridge name", value));
        }
    }

    /** An interface address (CIDR with a prefix, usable by a host) by {@link Inputs#hostAddress}. */
    public static final class HostAddress implements ITypeConverter<Cidr> {
        @Override
        public Cidr convert(String value) {
            return refused(value, option -> Inputs.hostAddress(option, value));
        }
    }

    /** A gateway's form by {@link Inputs#gatewayAddress}; whether it fits the subnets is the command's to check. */
    public static final class Gateway implements ITypeConverter<IpAddress> {
        @Override
        public IpAddress convert(String value) {
            return refused(value, option -> Inputs.gatewayAddress(option, value));
        }
    }

    /** A unicast MAC, lower-cased, by {@link Inputs#mac}. */
    public static final class Mac implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return refused(value, option -> Inputs.mac(option, value));
        }
    }

    /**
     * on/off (also yes/no, true/false, 1/0) by {@link Inputs#onOff}. A {@link Switch}, not a
     * Boolean: picocli reads Boolean options as flags and rewrites their values.
     */
    public static final class OnOff implements ITypeConverter<Switch> {
        @Override
        public Switch convert(String value) {
            return refused(value, option -> Inputs.onOff(option, value) ? Switch.ON : Switch.OFF);
        }
    }

    /**
     * One of an enum's constants, written in lower case ({@code --format rhel}); anything else
     * reads "unknown --format 'x' (auto, rhel or debian)". Subclass it for the enum:
     * {@code static final class Formats extends Converters.Choice<Format> { Formats() { super(Format.class); } }}.
     */
    public abstract static class Choice<E extends Enum<E>> implements ITypeConverter<E> {
        private final Class<E> type;

        protected Choice(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            for (E e : type.getEnumConstants()) if (word(e).equals(value)) return e;
            List<String> words = Arrays.stream(type.getEnumConstants()).map(Choice::word).toList();
            String choices = words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
            throw new Invalid(option -> "unknown " + option + " '" + Names.printable(String.valueOf(value)) + "' (" + choices + ")");
        }

        /** How the constant is written on the command line. */
        public static String word(Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Registers the converters that go by type ({@link Cidr}, {@link IpAddress}, {@link Switch}) on a parser and its subcommands. */
    public static CommandLine register(CommandLine commandLine) {
        commandLine.registerConverter(Cidr.class, new HostAddress());
        commandLine.registerConverter(IpAddress.class, new Gateway());
        commandLine.registerConverter(Switch.class, new OnOff());
        return commandLine;
    }

    /**
     * The one line a parse failure reports: for a value a converter here refused, the
     * option's name (or a positional's label) and the problem; otherwise picocli's message.
     */
    public static String message(CommandLine.ParameterException e) {
        if (e.getCause() instanceof Invalid invalid) return invalid.message(name(e.getArgSpec()));
        return e.getMessage();
    }

    private static String name(CommandLine.Model.ArgSpec spec) {
        if (spec instanceof CommandLine.Model.OptionSpec option) return option.longestName();
        return spec == null ? "value" : spec.paramLabel();
    }

    /** Runs the rule; when it refuses, the refusal is worded again once the option's name is known. */
    private static <T> T refused(String value, Function<String, T> rule) {
        try {
            return rule.apply("value");
        } catch (UsageException e) {
            throw new Invalid(option -> {
                try {
                    rule.apply(option);
                    return e.getMessage();
                } catch (UsageException named) {
                    return named.getMessage();
                }
            });
        }
    }

    /** A value a converter refused; {@link #message} words it with the option's name. */
    public static final class Invalid extends CommandLine.TypeConversionException {
        private final transient Function<String, String> text;

        Invalid(Function<String, String> text) {
            super(text.apply("value"));
            this.text = text;
        }

        /** The problem, worded for this option (e.g. "--nic"). */
        public String message(String option) {
            return text.apply(option);
        }
    }
}
