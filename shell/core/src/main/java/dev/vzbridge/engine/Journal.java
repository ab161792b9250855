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

    private final Path file;
    private final String txid;

    private Journal(Path file, String txid) {
        this.file = file;
        this.txid = txid;
    }

    /** The journal directory under root (created 0700 when missing). */
    public static Path dir(Path root) {
        Path dir = root.resolve(DIR.substring(1));
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

    /** Every journal under root, oldest first (txids sort by time). */
    public static List<Journal> all(Path root) {
        Path dir = root.resolve(DIR.substring(1));
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().map(Journal::open).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** Appends one record and forces it to disk before returning. */
    public synchronized void append(JournalRecord record) {
        byte[] line = (JournalJson.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file + ": " + e.getMessage(), e);
        }
    }

    public List<JournalRecord> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
        List<JournalRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                out.add(JournalJson.read(line));
            } catch (JsonProcessingException e) {
                // A crash can tear only the last line; anything else is corruption.
                if (i == lines.size() - 1) break;
                throw new IllegalStateException("journal " + file + " line " + (i + 1) + " is damaged: "
                    + e.getOriginalMessage(), e);
            }
        }
        return out;
    }

    public TxLog log() {
        return TxLog.of(txid, read());
    }
}
