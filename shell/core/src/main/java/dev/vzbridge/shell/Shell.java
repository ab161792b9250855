package dev.vzbridge.shell;

import dev.vzbridge.host.HostAccess;
import dev.vzbridge.plugins.PluginInfo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One shell put together: session, command catalog (built-ins plus the given
 * sources), dispatcher and the live host cache for completion. The same object
 * serves -c, batches and the interactive console.
 */
public final class Shell {
    private final Session session;
    private final Dispatcher dispatcher;
    private final LiveHostCache live;

    public Shell(GlobalOptions options, HostAccess host, PlanExecutor engine, List<CommandCatalog.Source> extraSources,
                 List<PluginInfo> plugins, PrintWriter out, PrintWriter err, boolean colour) {
        this(options, host, engine, extraSources, plugins, new Printer(out, err, () -> options.json, colour));
    }

    /** @param engine where plans go; built on the same printer when it is the real engine */
    public Shell(GlobalOptions options, HostAccess host, PlanExecutor engine, List<CommandCatalog.Source> extraSources,
                 List<PluginInfo> plugins, Printer printer) {
        this.live = new LiveHostCache(() -> host.observe(null));
        List<CommandCatalog.Source> sources = new ArrayList<>(CommandCatalog.builtinSources());
        sources.addAll(extraSources);
        PrintWriter err = printer.err();
        CommandCatalog catalog = new CommandCatalog(sources, live, message -> {
            err.println("vzbridge: " + message);
            err.flush();
        });
        catalog.transactions(() -> engine instanceof RenderedEngine e ? e.admin().txids() : List.of());
        // Each state read for completion also gets its values worked out in the background, so a TAB only looks them up.
        List<dev.vzbridge.api.command.LiveCandidates> sourcesOfValues = catalog.liveCandidates();
        live.afterRead(state -> sourcesOfValues.forEach(c -> {
            try {
                c.valuesFor(state);
            } catch (RuntimeException e) {
                // a source that fails here fails at the TAB too, where it offers nothing
            }
        }));
        this.session = new Session(options, host, engine, printer, catalog,
            plugins.stream().map(p -> p.withCommands(catalog.commandsOf(p.id()))).toList());
        this.dispatcher = new Dispatcher(session);
    }

    public Session session() {
        return session;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public LiveHostCache liveHost() {
        return live;
    }

    /** One command line; the host may have changed afterwards, so completion re-reads it. */
    public int execute(String line) {
        try {
            return dispatcher.execute(line);
        } finally {
            live.invalidate();
            session.out().flush();
            session.err().flush();
        }
    }

    /** One command given as words (vzbridge COMMAND ARGS…): nothing is split or unquoted again. */
    public int execute(List<String> words) {
        try {
            return dispatcher.execute(words, null);
        } finally {
            live.invalidate();
            session.out().flush();
            session.err().flush();
        }
    }

    /** A batch file's text; {@code name} is the file as given, or {@code <stdin>}. */
    public int batch(String name, String content) {
        try {
            return new BatchRunner(session, dispatcher).run(name, content);
        } finally {
            live.invalidate();
            session.out().flush();
            session.err().flush();
        }
    }
}
