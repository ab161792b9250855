package dev.vzbridge.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The host lock, held while a transaction changes the node. The node is locked by the
 * identity (nsfs inode) of the network namespace its commands act on, in
 * {@code /run/vzbridge/}: the named one for --netns, else this process's own. So shells
 * with different --root values take turns on one node, whichever way they reach it; the
 * lock file {@code /run/vzbridge.lock} under --root is taken as well, because the
 * journals there belong to whoever holds it. Each file names its holder so a second
 * shell can say who it waits for. A named namespace is held open while locked: the
 * kernel reuses the inode of a deleted namespace, and a new one must never inherit a
 * lock still held for the old one.
 */
public final class HostLock implements AutoCloseable {
    public static final String PATH = "/run/vzbridge.lock";
    /** Where the per-namespace locks live: the machine's own /run, whatever --root says. */
    static final Path NODE_LOCKS = Path.of("/run/vzbridge");
    /** File locks belong to the process; threads of one JVM queue here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final List<FileChannel> channels;
    private final long lastReleased;
    private final FileChannel namespacePin;

    private HostLock(List<FileChannel> channels, long lastReleased, FileChannel namespacePin) {
        this.channels = channels;
        this.lastReleased = lastReleased;
        this.namespacePin = namespacePin;
    }

    /** When the previous holder let go (epoch millis; 0 when nobody ever held it). */
    public long lastReleased() {
        return lastReleased;
    }

    /**
     * Takes the lock of root's files only (no node): waiting up to {@code wait}; says once on err who holds it.
     *
     * @throws LockedException when still held after the wait
     */
    public static HostLock acquire(Path root, String purpose, Duration wait, PrintWriter err) throws LockedException {
        return acquire(List.of(root.resolve(PATH.substring(1))), purpose, wait, err);
    }

    /** Takes the node's lock (its network namespace) and then root's. */
    public static HostLock acquire(Node node, String purpose, Duration wait, PrintWriter err) throws LockedException {
        List<Path> files = new ArrayList<>();
        FileChannel pin = node.prefix().isEmpty() ? null : namespaceOf(node.prefix()).map(HostLock::open).orElse(null);
        Optional<Path> nodeLock = nodeLockFile(node.prefix());
        // Without --netns, a process that may not write /run/vzbridge is not root and cannot change
        // the namespace's links either; its --root alone is what it can change.
        if (node.prefix().isEmpty()) nodeLock = nodeLock.filter(f -> writableDir(f.getParent()));
        nodeLock.ifPresent(files::add);
        files.add(node.root().resolve(PATH.substring(1)));
        try {
            HostLock held = acquire(files, purpose, wait, err);
            return new HostLock(held.channels, held.lastReleased, pin);
        } catch (LockedException | RuntimeException e) {
            closeQuietly(pin);
            throw e;
        }
    }

    /** The namespace file held open (so the namespace, and with it its inode, stays alive), or null. */
    private static FileChannel open(Path namespace) {
        try {
            return FileChannel.open(namespace, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            return null; // no such namespace: observing it fails with its own message
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing is held by a closed file
        }
    }

    /**
     * /run/vzbridge/net-INODE.lock for the network namespace that commands with this prefix act on:
     * the one named by {@code ip netns exec NAME}, or this process's own for no prefix. That is the
     * namespace's identity, the same whichever name, way in or --root leads to it.
     */
    static Optional<Path> nodeLockFile(List<String> prefix) {
        Optional<Path> namespace = namespaceOf(prefix);
        if (namespace.isEmpty()) return Optional.empty();
        try {
            Object inode = Files.getAttribute(namespace.get(), "unix:ino");
            return Optional.of(NODE_LOCKS.resolve("net-" + inode + ".lock"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // no such namespace: observing it fails with its own message
        }
    }

    /** The namespace file that commands with this prefix act in. */
    static Optional<Path> namespaceOf(List<String> prefix) {
        if (prefix.isEmpty()) return Optional.of(Path.of("/proc/self/ns/net")); // the shell's children inherit it
        if (prefix.size() == 4 && prefix.subList(0, 3).equals(List.of("ip", "netns", "exec"))) {
            return Optional.of(Path.of("/run/netns", prefix.get(3)));
        }
        return Optional.empty();
    }

    private static boolean writableDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return false;
        }
        return Files.isWritable(dir);
    }

    private static HostLock acquire(List<Path> files, String purpose, Duration wait, PrintWriter err)
        throws LockedException {
        Instant started = Instant.now();
        Instant deadline = started.plus(wait);
        try {
            if (!IN_PROCESS.tryLock(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new LockedException("host locked by this process (another transaction is running)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockedException("interrupted while waiting for the host lock");
        }
        List<FileChannel> held = new ArrayList<>();
        try {
            boolean[] told = {false};
            long[] released = {0};
            for (Path file : files) held.add(lock(file, purpose, wait, started, deadline, err, told, released));
            return new HostLock(held, released[0], null);
        } catch (IOException e) {
            release(held);
            IN_PROCESS.unlock();
            throw new UncheckedIOException("cannot open host lock " + e.getMessage(), e);
        } catch (InterruptedException e) {
            release(held);
            IN_PROCESS.unlock();
            Thread.currentThread().interrupt();
            throw new LockedException("interrupted while waiting for the host lock");
        } catch (LockedException | RuntimeException e) {
            release(held);
            IN_PROCESS.unlock();
            throw e;
        }
    }

    private static FileChannel lock(Path file, String purpose, Duration wait, Instant started, Instant deadline,
                                    PrintWriter err, boolean[] told, long[] released)
        throws IOException, InterruptedException, LockedException {
        Files.createDirectories(file.getParent());
        boolean existed = Files.exists(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l != null) {
                    // Holders empty the file when they take and when they release it: its time is the last release.
                    if (existed) released[0] = Math.max(released[0], Files.getLastModifiedTime(file).toMillis());
                    String holder = "PID " + ProcessHandle.current().pid() + " since " + Instant.now() + " (" + purpose + ")\n";
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    ch.force(true);
                    return ch;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new LockedException("host locked by " + holder(file) + "; gave up after " + wait.toSeconds() + " s");
                }
                // The holder writes its name just after taking the lock: wait a moment for it
                // rather than saying "another process" to whoever arrives in between.
                String holder = holder(file);
                boolean known = !holder.equals(UNKNOWN_HOLDER) || Instant.now().isAfter(started.plusSeconds(1));
                if (!told[0] && err != null && known) {
                    err.println("locked by " + holder + "; waiting up to " + wait.toSeconds() + " s");
                    err.flush();
                    told[0] = true;
                }
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException | LockedException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static final String UNKNOWN_HOLDER = "another process";

    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? UNKNOWN_HOLDER : s;
        } catch (IOException e) {
            return UNKNOWN_HOLDER;
        }
    }

    private static void release(List<FileChannel> channels) {
        for (int i = channels.size() - 1; i >= 0; i--) {
            FileChannel ch = channels.get(i);
            try {
                ch.truncate(0);
                ch.close(); // closing the channel releases its lock
            } catch (IOException ignored) {
                // the lock goes with the channel in any case
            }
        }
    }

    @Override
    public void close() {
        try {
            release(channels);
            closeQuietly(namespacePin);
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** The lock stayed taken for the whole wait. */
    public static final class LockedException extends Exception {
        public LockedException(String message) {
            super(message);
        }
    }
}
