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
import java.util.concurrent.locks.ReentrantLock;

/**
 * The host-wide lock: one file lock on {@code /run/vzbridge.lock} under --root,
 * held while a transaction changes the host. The file names its holder so a
 * second shell can say who it waits for.
 */
public final class HostLock implements AutoCloseable {
    public static final String PATH = "/run/vzbridge.lock";
    /** File locks belong to the process; threads of one JVM queue here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private HostLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code wait}; says once on err who holds it.
     *
     * @throws LockedException when still held after the wait
     */
    public static HostLock acquire(Path root, String purpose, Duration wait, PrintWriter err) throws LockedException {
        Path file = root.resolve(PATH.substring(1));
        Instant started = Instant.now();
        Instant deadline = started.plus(wait);
        boolean told = false;
        try {
            if (!IN_PROCESS.tryLock(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new LockedException("host locked by this process (another transaction is running)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockedException("interrupted while waiting for the host lock");
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l != null) {
                    String holder = "PID " + ProcessHandle.current().pid() + " since " + Instant.now() + " (" + purpose + ")\n";
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    ch.force(true);
                    return new HostLock(ch, l);
                }
                if (Instant.now().isAfter(deadline)) {
                    ch.close();
                    throw new LockedException("host locked by " + holder(file) + "; gave up after " + wait.toSeconds() + " s");
                }
                // The holder writes its name just after taking the lock: wait a moment for it
                // rather than saying "another process" to whoever arrives in between.
                String holder = holder(file);
                boolean known = !holder.equals(UNKNOWN_HOLDER) || Instant.now().isAfter(started.plusSeconds(1));
                if (!told && err != null && known) {
                    err.println("locked by " + holder + "; waiting up to " + wait.toSeconds() + " s");
                    err.flush();
                    told = true;
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            IN_PROCESS.unlock();
            throw new UncheckedIOException("cannot open host lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            IN_PROCESS.unlock();
            Thread.currentThread().interrupt();
            throw new LockedException("interrupted while waiting for the host lock");
        } catch (LockedException | RuntimeException e) {
            IN_PROCESS.unlock();
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

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // Closing the channel releases the lock in any case.
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
