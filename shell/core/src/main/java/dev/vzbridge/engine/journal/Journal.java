package dev.vzbridge.engine.journal;

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
 * most the line being written (a torn last line is ignored on read). Done records
 * are the exception: written at once, forced by the next record (see {@link #appendAllUnforced}).
 */
public final class Journal {
    public static final String DIR = "/var/lib/vzbridge/journal";
    /** How every journal begins; a first line torn after this is a crash before anything ran. */
    private static final String TORN_HEADER = "{\"rec\":\"header\"";

    /** Kept beside a running transaction's journal, freed for its rollback records when the disk fills up. */
    static final int RESERVE_BYTES = 64 * 1024;

    private final Path file;
    private final String txid;
    /** Every record this process appended; null for a journal read back from disk. */
    private final List<JournalRecord> memory;
    private String failure;
    private boolean diskBehind;

    private Journal(Path file, String txid) {
        this(file, txid, null);
    }

    private Journal(Path file, String txid, List<JournalRecord> memory) {
        this.file = file;
        this.txid = txid;
        this.memory = memory;
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

    /**
     * A new journal for a transaction this process runs, with its reserve: proof that
     * the directory takes writes, and room for the rollback records should it fill up.
     */
    public static Journal create(Path root, String txid) {
        Path file = dir(root).resolve(txid + ".jsonl");
        Journal j = new Journal(file, txid, new ArrayList<>());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel ch = FileChannel.open(j.reserveFile(), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
                ByteBuffer zeros = ByteBuffer.allocate(RESERVE_BYTES);
                while (zeros.hasRemaining()) ch.write(zeros);
                ch.force(true);
            }
        } catch (IOException e) {
            j.releaseReserve();
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // an empty journal is not a transaction
            }
            throw new UncheckedIOException("cannot write the journal in " + file.getParent() + ": " + e.getMessage(), e);
        }
        return j;
    }

    private Path reserveFile() {
        return file.resolveSibling(txid + ".reserve");
    }

    /** The transaction has ended (or its rollback needs the room): the reserve goes. */
    public void releaseReserve() {
        try {
            Files.deleteIfExists(reserveFile());
        } catch (IOException ignored) {
            // a stray reserve is 64 KiB of zeros; recover removes it with the journal's rollback
        }
    }

    /** Why a record of this process could not be written (disk full, I/O error), or null. */
    public synchronized String failure() {
        return failure;
    }

    /**
     * After a failure, tries to bring the file up to every record this process appended
     * (a new file renamed over the old one). @return true when the file is complete
     */
    public synchronized boolean catchUp() {
        if (!diskBehind) return true;
        Path tmp = file.resolveSibling("." + txid + ".jsonl.tmp");
        try {
            StringBuilder all = new StringBuilder();
            for (JournalRecord r : memory) all.append(JournalJson.write(r)).append('\n');
            Files.writeString(tmp, all, StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            diskBehind = false;
            return true;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to free
            }
            return false;
        }
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
        appendAll(List.of(record));
    }

    /** Appends records together, forced to disk once (a crash may keep a prefix of them, never a torn one). */
    public synchronized void appendAll(List<? extends JournalRecord> records) {
        appendAll(records, true);
    }

    /**
     * Appends records whose loss in a power cut is safe, written now and forced to disk by the next
     * forced record (an fsync takes the whole file): a step's done record, without which the step only
     * looks begun, hence uncertain, and is undone tolerantly. Saves one fsync per step or batch.
     */
    public synchronized void appendAllUnforced(List<? extends JournalRecord> records) {
        appendAll(records, false);
    }

    private void appendAll(List<? extends JournalRecord> records, boolean force) {
        StringBuilder text = new StringBuilder();
        for (JournalRecord r : records) text.append(JournalJson.write(r)).append('\n');
        byte[] line = text.toString().getBytes(StandardCharsets.UTF_8);
        if (memory == null) {
            try {
                write(line, force);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write journal " + file + ": " + e.getMessage(), e);
            }
            return;
        }
        // This process's own transaction: a failed write is remembered (the transaction then rolls
        // back from memory) and the reserve is given up so the rollback's records fit.
        memory.addAll(records);
        if (diskBehind) return;
        try {
            write(line, force);
        } catch (IOException e) {
            if (failure == null) failure = e.getMessage() == null ? "an I/O error" : e.getMessage();
            releaseReserve();
            try {
                write(line, force);
            } catch (IOException again) {
                diskBehind = true;
            }
        }
    }

    /**
     * Appends a record that counts only once it is on disk (a commit, a pending confirm). When it could
     * not be written it is dropped again and false is returned: the transaction has not ended that way.
     */
    public synchronized boolean appendDurable(JournalRecord record) {
        append(record);
        if (!diskBehind) return true;
        memory.remove(memory.size() - 1);
        return false;
    }

    private void write(byte[] line, boolean force) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            cutTornTail(ch);
            long end = ch.size();
            ch.position(end);
            ByteBuffer buf = ByteBuffer.wrap(line);
            try {
                while (buf.hasRemaining()) ch.write(buf);
                if (force) ch.force(true);
            } catch (IOException e) {
                // No part of a record that failed stays behind: a whole record short of its newline would read as written.
                try {
                    ch.truncate(end);
                } catch (IOException ignored) {
                    // a torn tail is ignored by readers and cut by the next append
                }
                throw e;
            }
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
        synchronized (this) {
            if (diskBehind) return List.copyOf(memory); // the file lags behind what this process did
        }
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

    /**
     * Whether the last whole line is a state after which nothing runs (committed, rolled back,
     * undone, drift): read from the file's tail only. False when unsure (then read it whole).
     */
    public boolean endsClosed() {
        synchronized (this) {
            if (memory != null) return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) Math.min(size, 8192);
            ByteBuffer buf = ByteBuffer.allocate(n);
            while (buf.hasRemaining() && ch.read(buf, size - n + buf.position()) > 0) {
                // read the tail
            }
            String tail = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            int end = tail.lastIndexOf('\n');
            if (end < 0) return false;
            int start = tail.lastIndexOf('\n', end - 1) + 1;
            if (start == 0 && size > n) return false; // the last line is longer than the tail read
            JournalRecord last = JournalJson.read(tail.substring(start, end));
            if (!(last instanceof JournalRecord.State st)) return false;
            TxState state = TxState.of(st.state());
            return state != TxState.APPLYING && state != TxState.ROLLING_BACK && state != TxState.PENDING_CONFIRM;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public TxLog log() {
        return TxLog.of(txid, read());
    }
}
