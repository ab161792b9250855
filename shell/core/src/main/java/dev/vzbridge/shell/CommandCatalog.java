package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.ErrorText;
import dev.vzbridge.api.command.LiveCandidates;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.persist.BootConfig;
import dev.vzbridge.api.recipes.Converters;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every command the shell knows: the built-in providers plus the plugins'. Keeps
 * one picocli tree for completion and help, and hands out fresh command instances
 * for each run. Live completion sources ({@link LiveCandidates}) are bound to a
 * supplier of the current host state.
 */
public final class CommandCatalog {
    /** Commands of one origin: "core" for the built-ins, else the plugin id. */
    public record Source(String name, CommandProvider provider) {
    }

    /** One top-level command (an alias maps to the same entry). */
    public record Entry(String name, Class<?> type, String source) {
    }

    @Command(name = "vzbridge", description = "Puts OpenVZ containers on bridged networks, safely.")
    static final class Root {
    }

    private final CommandLine.IFactory factory;
    private final CommandLine tree;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<BootConfig> bootConfigs = new ArrayList<>();

    public CommandCatalog(List<Source> sources, Supplier<HostState> liveHost, Consumer<String> warn) {
        this.factory = new LiveFactory(liveHost);
        this.tree = new CommandLine(new Root(), factory);
        Map<Class<?>, Boolean> seen = new IdentityHashMap<>();
        for (Source source : sources) add(source, seen, warn);
        Map<CommandProvider, Boolean> asked = new IdentityHashMap<>();
        for (Source source : sources) if (asked.put(source.provider(), Boolean.TRUE) == null) addBootConfigs(source, warn);
        configure(tree);
    }

    private void addBootConfigs(Source source, Consumer<String> warn) {
        try {
            bootConfigs.addAll(source.provider().bootConfigs());
        } catch (RuntimeException | LinkageError e) {
            warn.accept(origin(source) + ": cannot list what it saves: " + why(e));
        }
    }

    /** Why a plugin failed, in words: never a Java exception class name. */
    private static String why(Throwable e) {
        String said = ErrorText.of(e);
        return e instanceof LinkageError ? "it does not fit this version of vzbridge (" + said + ")" : said;
    }

    /** The plugins' shares of the node's boot files, for save. */
    public List<BootConfig> bootConfigs() {
        return List.copyOf(bootConfigs);
    }

    /** The shell's own providers: shell, engine and host commands. */
    public static List<Source> builtinSources() {
        return List.of(new Source("core", new ShellBuiltins()), new Source("core", new EngineCommands()),
            new Source("core", new HostCommands()));
    }

    /**
     * The whole picocli tree (built-ins plus {@code providers}) for documentation:
     * man pages, bash completion scripts. Live candidates see an empty host.
     *
     * @throws IllegalStateException when a command cannot be declared
     */
    public static CommandLine commandLine(List<CommandProvider> providers) {
        List<Source> sources = new ArrayList<>(builtinSources());
        providers.forEach(p -> sources.add(new Source(p.getClass().getSimpleName(), p)));
        return new CommandCatalog(sources, HostState::empty, message -> {
            throw new IllegalStateException(message);
        }).tree();
    }

    private void add(Source source, Map<Class<?>, Boolean> seen, Consumer<String> warn) {
        List<Class<?>> types;
        try {
            types = List.copyOf(source.provider().commands());
        } catch (RuntimeException | LinkageError e) {
            warn.accept(origin(source) + ": cannot list its commands: " + why(e));
            return;
        }
        for (Class<?> type : types) {
            if (seen.put(type, Boolean.TRUE) != null) continue; // same provider given twice
            try {
                CommandLine command = new CommandLine(type, factory);
                String name = command.getCommandName();
                List<String> names = new ArrayList<>(List.of(name));
                names.addAll(List.of(command.getCommandSpec().aliases()));
                Optional<String> taken = names.stream().filter(entries::containsKey).findFirst();
                if (taken.isPresent()) {
                    warn.accept(origin(source) + ": command '" + taken.get() + "' is already defined by "
                        + origin(entries.get(taken.get()).source()) + "; " + type.getName() + " skipped");
                    continue;
                }
                tree.addSubcommand(name, command);
                Entry entry = new Entry(name, type, source.name());
                names.forEach(n -> entries.put(n, entry));
            } catch (RuntimeException | LinkageError e) {
                warn.accept(origin(source) + ": command " + type.getName() + " skipped: " + e.getMessage());
            }
        }
    }

    private static String origin(Source source) {
        return origin(source.name());
    }

    private static String origin(String sourceName) {
        return "core".equals(sourceName) ? "the shell" : "plugin " + sourceName;
    }

    /** Parser settings shared by every tree: no @file expansion, exact names, the API's converters. */
    static CommandLine configure(CommandLine commandLine) {
        sentences(commandLine);
        Converters.register(commandLine);
        commandLine.setExpandAtFiles(false);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setAbbreviatedOptionsAllowed(false);
        commandLine.setAbbreviatedSubcommandsAllowed(false);
        return commandLine;
    }

    /**
     * Descriptions are declared as lines that may end mid-sentence; help lists show only the
     * first element, so each element becomes one whole sentence (help wraps them to the screen).
     */
    private static void sentences(CommandLine commandLine) {
        var usage = commandLine.getCommandSpec().usageMessage();
        String[] lines = usage.description();
        if (lines != null && lines.length > 1) {
            String text = String.join(" ", lines).replaceAll("\\s+", " ").strip();
            usage.description(text.split("(?<=[.!?])\\s+(?=[A-Z(])"));
        }
        commandLine.getSubcommands().values().forEach(CommandCatalog::sentences);
    }

    /** The live completion sources of the completion tree (every option and parameter of every command). */
    public List<LiveCandidates> liveCandidates() {
        List<LiveCandidates> out = new ArrayList<>();
        collect(tree, out);
        return out;
    }

    private static void collect(CommandLine command, List<LiveCandidates> out) {
        var spec = command.getCommandSpec();
        for (var arg : spec.args()) if (arg.completionCandidates() instanceof LiveCandidates live) out.add(live);
        command.getSubcommands().values().forEach(sub -> collect(sub, out));
    }

    /** The completion/help tree; its command instances are never run. */
    public CommandLine tree() {
        return tree;
    }

    public CommandLine.IFactory factory() {
        return factory;
    }

    /** Top-level names and aliases. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(entries.keySet()));
    }

    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** Top-level commands (no aliases) in name order. */
    public List<Entry> commands() {
        return entries.entrySet().stream().filter(e -> e.getKey().equals(e.getValue().name()))
            .map(Map.Entry::getValue).sorted(java.util.Comparator.comparing(Entry::name)).toList();
    }

    /** Names of the top-level commands each source contributes. */
    public List<String> commandsOf(String sourceName) {
        return commands().stream().filter(e -> e.source().equals(sourceName)).map(Entry::name).toList();
    }

    /** Where TXID completion reads the node's transactions from (set once the engine exists). */
    public void transactions(Supplier<List<String>> transactions) {
        ((LiveFactory) factory).transactions = transactions;
    }

    /** A new parser with new command instances for one run of {@code name}. */
    public CommandLine fresh(String name) {
        Entry entry = entries.get(name);
        if (entry == null) throw new IllegalArgumentException("unknown command " + name);
        return configure(new CommandLine(entry.type(), factory));
    }

    /**
     * A new parser with new command instances for one run of {@code words}. When the first
     * word names a plain group (subcommands and nothing else: no options, parameters or
     * mixins of its own) and the second names one of its subcommands, only that branch is
     * built: every line of a batch of 'ct attach' used to build 'ct detach' and 'ct list' by
     * reflection too. Anything else gets the whole command, as {@link #fresh(String)}.
     */
    public CommandLine fresh(List<String> words) {
        String name = words.get(0);
        Entry entry = entries.get(name);
        if (entry == null) throw new IllegalArgumentException("unknown command " + name);
        CommandLine group = words.size() > 1 ? tree.getSubcommands().get(name) : null;
        if (group == null || !plainGroup(group.getCommandSpec())) return fresh(name);
        CommandLine branch = group.getSubcommands().get(words.get(1));
        Object shape = branch == null ? null : branch.getCommandSpec().userObject();
        if (shape == null || !shape.getClass().isAnnotationPresent(Command.class)) return fresh(name);
        CommandLine.Model.CommandSpec top;
        try {
            top = CommandLine.Model.CommandSpec.wrapWithoutInspection(factory.create(entry.type()), factory);
        } catch (Exception e) {
            return fresh(name); // the whole command reports what is wrong with it
        }
        top.name(group.getCommandName()).aliases(group.getCommandSpec().aliases());
        CommandLine parser = new CommandLine(top, factory);
        parser.addSubcommand(branch.getCommandName(), new CommandLine(shape.getClass(), factory),
            branch.getCommandSpec().aliases());
        return configure(parser);
    }

    private static boolean plainGroup(CommandLine.Model.CommandSpec spec) {
        return !spec.subcommands().isEmpty() && spec.options().isEmpty() && spec.positionalParameters().isEmpty()
            && spec.mixins().isEmpty() && spec.argGroups().isEmpty() && spec.scopeType() == CommandLine.ScopeType.LOCAL
            && spec.userObject() != null && spec.userObject().getClass().isAnnotationPresent(Command.class);
    }

    /** Creates every object picocli needs and ties live completion sources to the host. */
    private static final class LiveFactory implements CommandLine.IFactory {
        private final Supplier<HostState> liveHost;
        private volatile Supplier<List<String>> transactions = List::of;

        LiveFactory(Supplier<HostState> liveHost) {
            this.liveHost = liveHost;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            K made = CommandLine.defaultFactory().create(type);
            if (made instanceof LiveCandidates live) live.bind(liveHost);
            if (made instanceof TransactionCandidates tx) tx.bind(() -> transactions.get());
            return made;
        }
    }
}
