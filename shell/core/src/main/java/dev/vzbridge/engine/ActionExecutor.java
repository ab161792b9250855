package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.DeleteFile;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.RestoreFile;
import dev.vzbridge.api.plan.WriteFile;
import dev.vzbridge.engine.journal.FileBackup;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.RunnerException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Carries out single actions: Exec through the node's runner (argv only, with a
 * timeout), file actions atomically under --root (through the node's file-action
 * wrapper), with backups taken first.
 */
public final class ActionExecutor {
    private final CommandRunner runner;
    private final Function<String, Path> underRoot;
    private final Duration timeout;
    private final FileActions files;

    /** Actions on the node: commands through its runner, files under its root through its file-action wrapper. */
    public ActionExecutor(Node node, Duration timeout) {
        this.runner = node.runner();
        this.underRoot = node::underRoot;
        this.timeout = timeout;
        this.files = node.files().wrap(this::runFile);
    }

    public CommandRunner runner() {
        return runner;
    }

    /** The file a WriteFile/DeleteFile touches (node path), or null for other actions. */
    public static String touchedFile(Action a) {
        if (a instanceof WriteFile w) return w.path();
        if (a instanceof DeleteFile d) return d.path();
        if (a instanceof RestoreFile r) return r.path();
        return null;
    }

    /**
     * Saves what {@code apply} is about to overwrite or delete into {@code copy}.
     * Returns null for actions that touch no file.
     */
    public FileBackup backup(Action apply, Path copy) throws ActionFailedException {
        if (!(apply instanceof WriteFile) && !(apply instanceof DeleteFile)) return null;
        String nodePath = touchedFile(apply);
        Path target = underRoot.apply(nodePath);
        try {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return new FileBackup(nodePath, null, 0, 0, 0, missingDirs(nodePath));
            }
            Files.createDirectories(copy.getParent());
            writeAtomically(copy, Files.readAllBytes(target), 0600, -1, -1);
            int mode = (Integer) Files.getAttribute(target, "unix:mode") & 07777;
            int uid = (Integer) Files.getAttribute(target, "unix:uid");
            int gid = (Integer) Files.getAttribute(target, "unix:gid");
            return new FileBackup(nodePath, copy.toString(), mode, uid, gid);
        } catch (IOException e) {
            throw new ActionFailedException("cannot back up " + nodePath + ": " + e.getMessage());
        }
    }

    /** The directories above nodePath that do not exist yet, outermost first. */
    private List<String> missingDirs(String nodePath) {
        List<String> out = new ArrayList<>();
        for (Path p = Path.of(nodePath).getParent(); p != null && p.getParent() != null; p = p.getParent()) {
            if (Files.isDirectory(underRoot.apply(p.toString()))) break;
            out.add(0, p.toString());
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * Runs one action. {@code stepBackup} is the backup taken for the step this
     * action belongs to (used by {@link RestoreFile#previous}); may be null.
     */
    public void run(Action action, FileBackup stepBackup) throws ActionFailedException {
        if (action instanceof Exec e) runExec(e);
        else files.run(action, stepBackup);
    }

    /** The plain file actions: what the node's wrapper wraps. */
    private void runFile(Action action, FileBackup stepBackup) throws ActionFailedException {
        if (action instanceof WriteFile w) {
            write(w);
        } else if (action instanceof DeleteFile d) {
            delete(d.path());
        } else if (action instanceof RestoreFile r) {
            restore(r, stepBackup);
        }
    }

    /**
     * Several steps' commands as one process (ip -batch), with the time of one action per line.
     * The result is ip's, for the caller to read line by line.
     *
     * @throws RunnerException when the program cannot start
     */
    public ExecResult runBatch(List<String> argv, String stdin, int lines) {
        return runner.run(argv, stdin, timeout.multipliedBy(lines));
    }

    private void runExec(Exec e) throws ActionFailedException {
        ExecResult r;
        try {
            r = runner.run(e.argv(), e.stdin(), timeout);
        } catch (RunnerException ex) {
            throw new ActionFailedException(ex.getMessage());
        }
        if (!r.ok()) throw new ActionFailedException(r.problem());
    }

    private void write(WriteFile w) throws ActionFailedException {
        Path target = underRoot.apply(w.path());
        try {
            int uid = -1;
            int gid = -1;
            if (Files.exists(target)) { // keep the owner an admin gave the file
                uid = (Integer) Files.getAttribute(target, "unix:uid");
                gid = (Integer) Files.getAttribute(target, "unix:gid");
            }
            Files.createDirectories(target.getParent());
            writeAtomically(target, w.content(), w.mode(), uid, gid);
        } catch (IOException e) {
            throw new ActionFailedException("cannot write " + w.path() + ": " + e.getMessage());
        }
    }

    private void delete(String nodePath) throws ActionFailedException {
        try {
            Files.deleteIfExists(underRoot.apply(nodePath));
        } catch (IOException e) {
            throw new ActionFailedException("cannot delete " + nodePath + ": " + e.getMessage());
        }
    }

    private void restore(RestoreFile r, FileBackup stepBackup) throws ActionFailedException {
        if (r.backupPath() != null) {
            Path target = underRoot.apply(r.path());
            Path source = underRoot.apply(r.backupPath());
            try {
                int mode = (Integer) Files.getAttribute(source, "unix:mode") & 07777;
                writeAtomically(target, Files.readAllBytes(source), mode, -1, -1);
            } catch (IOException e) {
                throw new ActionFailedException("cannot restore " + r.path() + ": " + e.getMessage());
            }
            return;
        }
        if (stepBackup == null || !stepBackup.path().equals(r.path())) {
            throw new ActionFailedException("no backup of " + r.path() + " was taken by this step");
        }
        if (!stepBackup.existed()) {
            delete(r.path());
            removeMadeDirs(stepBackup);
            return;
        }
        try {
            writeAtomically(underRoot.apply(r.path()), Files.readAllBytes(Path.of(stepBackup.copy())),
                stepBackup.mode(), stepBackup.uid(), stepBackup.gid());
        } catch (IOException e) {
            throw new ActionFailedException("cannot restore " + r.path() + ": " + e.getMessage());
        }
    }

    /** Directories the step's write created go again, innermost first, if nothing else moved in. */
    private void removeMadeDirs(FileBackup backup) throws ActionFailedException {
        List<String> dirs = backup.madeDirs() == null ? List.of() : backup.madeDirs();
        for (int i = dirs.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(underRoot.apply(dirs.get(i)));
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                return; // someone else's file lives there now: keep it
            } catch (IOException e) {
                throw new ActionFailedException("cannot remove directory " + dirs.get(i) + ": " + e.getMessage());
            }
        }
    }

    /** Leftovers of {@link #writeAtomically} interrupted by a crash: {@code .NAME.*.tmp} next to the file. */
    static List<Path> strayTempFiles(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        String prefix = "." + target.getFileName() + ".";
        try (var s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".tmp") && n.length() > prefix.length() + 4;
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Temp file in the same directory, fsync, mode and owner, rename over the target, fsync the directory. */
    static void writeAtomically(Path target, byte[] bytes, int mode, int uid, int gid) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, permissions(mode));
            if (uid >= 0) {
                Files.setAttribute(tmp, "unix:uid", uid);
                Files.setAttribute(tmp, "unix:gid", gid);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // Some filesystems refuse fsync on directories; the rename is still atomic.
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) if ((mode & (1 << i)) != 0) out.add(order[i]);
        return out;
    }
}
