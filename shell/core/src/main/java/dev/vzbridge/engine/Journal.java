package dev.vzbridge.engine;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One transaction's journal: {@code /var/lib/vzbridge/journal/<txid>.jsonl} under
 * --root, JSON lines, mode 0600, fsync'd after every record so a crash loses at
 * most the line being written (a torn last line is ignored on read).
 */
public final class Journal {
    public static final String DIR = "/var/lib/vzbridge/journal";
    /** How every journal begins; a first line torn after this is a crash before anything ran. */
    private static final String TORN_HEADER = "{\"rec\":\"header\"";

    private final Path file;
    private final String txid;

    private Journal(Path file, String txid) {
        this.file = file;
        this.txid = txid;
    }

    /** Something in the journal directory cannot be read as a transaction. */
    public static final class DamagedException extends IllegalStateException {
        public DamagedException(String message) {
            super(message);
        }
    }

    /** The journal directory under root (created 0700 when missing). */
    public static Path dir(Path root) {
        Path dir = root.resolve(DIR.substring(1));
        notAFile(dir);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create journal directory " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    public static Journal create(Path root, String txid) {
        Path file = dir(root).resolve(txid + ".jsonl");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create journal " + file + ": " + e.getMessage(), e);
        }
        return new Journal(file, txid);
    }

    public static Journal open(Path file) {
        String name = file.getFileName().toString();
        return new Journal(file, name.substring(0, name.length() - ".jsonl".length()));
    }

    /**
     * Every journal under root, oldest first (txids sort by time). An empty file is
     * not a transaction (a crash between creating it and the first record).
     */
    public static List<Journal> all(Path root) {
        Path dir = root.resolve(DIR.substring(1));
        notAFile(dir);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).filter(Journal::hasContent).sorted()
                .map(Journal::open).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void notAFile(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DamagedException("the journal directory " + dir + " is not a directory: move it aside so that "
                + "transactions can be recorded and recovered");
        }
    }

    private static boolean hasContent(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return true; // unreadable: reading it reports why
        }
    }

    public static java.util.Optional<Journal> find(Path root, String txid) {
        Path file = root.resolve(DIR.substring(1)).resolve(txid + ".jsonl");
        return Files.isRegularFile(file) ? java.util.Optional.of(new Journal(file, txid)) : java.util.Optional.empty();
    }

    public String txid() {
        return txid;
    }

    public Path file() {
        return file;
    }

    /** Where copies of files this transaction overwrote are kept. */
    public Path backupDir() {
        return file.resolveSibling(txid + ".files");
    }

    /**
     * Appends one record and forces it to disk before returning. A torn last line
     * (a crash mid-write) is cut off first, so the new record starts a line of its own.
     */
    public synchronized void append(JournalRecord record) {
        byte[] line = (JournalJson.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            cutTornTail(ch);
            ch.position(ch.size());
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static void cutTornTail(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) return;
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, size - 1);
        if (last.get(0) == '\n') return;
        long keep = size - 1;
        ByteBuffer b = ByteBuffer.allocate(1);
        while (keep > 0) {
            b.clear();
            ch.read(b, keep - 1);
            if (b.get(0) == '\n') break;
            keep--;
        }
        ch.truncate(keep);
    }

    /**
     * The records, as a write-ahead log reads them: a torn last line was never durably
     * written and is ignored; an unreadable line before it, or a file with no readable
     * record at all (binary, garbage), makes the journal damaged.
     *
     * @throws DamagedException when the journal cannot be read as a transaction
     */
    public List<JournalRecord> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DamagedException("cannot read journal " + file + ": " + e.getMessage());
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        List<JournalRecord> out = new ArrayList<>();
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) last--;
        for (int i = 0; i <= last; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            try {
                out.add(JournalJson.read(line));
            } catch (JsonProcessingException | RuntimeException e) {
                // A crash can tear only the last line; anything else is corruption.
                if (i == last && (!out.isEmpty() || line.startsWith(TORN_HEADER))) break;
                throw new DamagedException("journal " + file.getFileName() + " is damaged at line " + (i + 1)
                    + (i == last ? " (no readable record)" : ""));
            }
        }
        return out;
    }

    public TxLog log() {
        return TxLog.of(txid, read());
    }
}
