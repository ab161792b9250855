package dev.vzbridge.persistence;

import dev.vzbridge.api.command.FileView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The files save wants, with their full new content and mode, read from and compared against the node's. */
final class FileSet {
    record Desired(String path, byte[] content, int mode) {
    }

    private final FileView files;
    private final String version;
    private final Map<String, Desired> desired = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    FileSet(FileView files, String version) {
        this.files = files;
        this.version = version;
    }

    /** The file's current bytes, empty (not missing) when it does not exist. */
    byte[] current(String path) {
        return files.read(path).orElse(new byte[0]);
    }

    /** What save will write to the file so far, else its current bytes; empty when neither. */
    Optional<byte[]> planned(String path) {
        Desired d = desired.get(path);
        return d != null ? Optional.of(d.content()) : files.read(path);
    }

    boolean exists(String path) {
        return files.exists(path);
    }

    Optional<Integer> mode(String path) {
        return files.mode(path);
    }

    /** One line for files and blocks vzbridge writes. */
    String header(String what) {
        return "# " + what + ", written by vzbridge " + version + "; edit via \"vzbridge save\".\n";
    }

    String version() {
        return version;
    }

    /** Wants path to hold content; an existing file keeps its mode unless one is forced. */
    void put(String path, byte[] content, Integer forcedMode) {
        int mode = forcedMode != null ? forcedMode : files.mode(path).orElse(0644);
        desired.put(path, new Desired(path, content, mode));
    }

    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return notes;
    }

    /** Wants a whole generated file; notes when it replaces one vzbridge did not write. */
    void putGenerated(String path, byte[] content, int mode) {
        byte[] now = current(path);
        if (exists(path) && !new String(now, java.nio.charset.StandardCharsets.UTF_8).contains("vzbridge"))
            note("replaces " + path + ", which vzbridge did not write (the old one is restored on rollback or undo)");
        put(path, content, mode);
    }

    List<Desired> all() {
        return new ArrayList<>(desired.values());
    }
}
