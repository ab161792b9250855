package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.host.DadAnswer;
import dev.vzbridge.host.HostAccess;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The duplicate-address probes of a command or a whole transaction. Each claim
 * starts probing at once on a bounded pool, so N addresses cost about one probe
 * window instead of N; {@link #settle} waits for them and
 * refuses the first address somebody answers for, or that could not be probed.
 */
public final class DadProbes {
    /** arping processes at once: enough for a few hundred addresses in two windows, few enough not to flood the node. */
    static final int PARALLEL = 128;
    private static final ExecutorService POOL = pool();

    /**
     * How long a probe waits for another owner after it went out: an owner on the segment
     * answers within milliseconds, and nmcli's ipv4.dad-timeout counts the same way, in ms.
     */
    public static final Duration DEFAULT_WINDOW = Duration.ofMillis(200);

    private final HostAccess host;
    private final Duration window;
    private final List<Claim> claims = new ArrayList<>();
    /** Which link carries each segment now; looked up once per settle. */
    private final Map<String, Optional<String>> carrierOf = new ConcurrentHashMap<>();

    public DadProbes(HostAccess host, Duration window) {
        this.host = host;
        this.window = window;
    }

    private record Claim(String where, String segment, String ip, Future<Result> answer) {
    }

    private record Result(String dev, DadAnswer answer) {
    }

    /**
     * Starts probing {@code ips} on the link that carries {@code segment} now.
     * @param where names the command in a refusal that is reported later (e.g. "setup.vzb:4: ct attach"), or null
     */
    public synchronized void claim(String where, String segment, List<String> carriers, List<String> ips) {
        for (String ip : ips) {
            Future<Result> f = POOL.submit(() -> {
                Optional<String> dev = carrierOf.computeIfAbsent(segment, s -> carrier(s, carriers));
                if (dev.isEmpty())
                    return new Result(segment, DadAnswer.failed(segment + " does not exist yet and no link carries its segment now"));
                return new Result(dev.get(), host.probeAddress(dev.get(), ip, window));
            });
            claims.add(new Claim(where, segment, ip, f));
        }
    }

    private Optional<String> carrier(String segment, List<String> carriers) {
        if (host.linkExists(segment)) return Optional.of(segment);
        return carriers.stream().filter(host::linkExists).findFirst();
    }

    public synchronized boolean isEmpty() {
        return claims.isEmpty();
    }

    /**
     * Waits for every claim so far and forgets them. Progress goes to
     * {@code progress} (when not null) while the wait lasts.
     * @param named whether refusals carry the claim's {@code where} (they are reported after the command)
     * @throws UsageException for an address somebody else answers for
     * @throws CommandFailedException for one that could not be probed
     */
    public synchronized void settle(PrintWriter progress, boolean named) {
        List<Claim> all = List.copyOf(claims);
        claims.clear();
        carrierOf.clear();
        if (all.isEmpty()) return;
        List<Result> results = new ArrayList<>();
        boolean shown = false;
        try {
            for (int i = 0; i < all.size(); i++) {
                Claim c = all.get(i);
                if (progress != null && !c.answer().isDone()) {
                    progress.print("\rprobing for duplicate addresses: " + i + " of " + all.size() + " answered");
                    progress.flush();
                    shown = true;
                }
                results.add(await(c));
            }
        } finally {
            if (shown) {
                progress.print("\r\033[K");
                progress.flush();
            }
        }
        for (int i = 0; i < all.size(); i++) {
            Claim c = all.get(i);
            Result r = results.get(i);
            String prefix = named && c.where() != null ? c.where() + ": " : "";
            if (r.answer().owner() != null)
                throw new UsageException(prefix + CommandContext.inUse(c.ip(), c.segment(), r.answer().owner()));
        }
        for (int i = 0; i < all.size(); i++) {
            Claim c = all.get(i);
            Result r = results.get(i);
            String prefix = named && c.where() != null ? c.where() + ": " : "";
            if (r.answer().failed())
                throw new CommandFailedException(prefix + "cannot probe " + c.ip() + " for a duplicate on "
                    + c.segment() + "'s segment (via " + r.dev() + "): " + r.answer().problem() + "; --no-dad to skip this probe");
        }
    }

    private static Result await(Claim c) {
        try {
            return c.answer().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(c.segment(), DadAnswer.failed("interrupted"));
        } catch (ExecutionException e) {
            return new Result(c.segment(), DadAnswer.failed(String.valueOf(e.getCause().getMessage())));
        } catch (TimeoutException | CancellationException e) {
            return new Result(c.segment(), DadAnswer.failed("no answer from arping"));
        }
    }

    /** Drops the claims of a transaction that will not be applied. */
    public synchronized void discard() {
        claims.forEach(c -> c.answer().cancel(false));
        claims.clear();
        carrierOf.clear();
    }

    private static ExecutorService pool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(PARALLEL, PARALLEL, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "dad-probe");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
