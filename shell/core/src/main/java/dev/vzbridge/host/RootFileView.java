package dev.vzbridge.host;

import dev.vzbridge.api.command.FileView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/** The node's files under --root (read only: writes are plan actions). */
public final class RootFileView implements FileView {
    private final Path root;

    public RootFileView(Path root) {
        this.root = root;
    }

    public Path resolve(String nodePath) {
        String rel = nodePath.startsWith("/") ? nodePath.substring(1) : nodePath;
        return root.resolve(rel);
    }

    @Override
    public String shown(String path) {
        return root.equals(Path.of("/")) ? path : resolve(path).toString();
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path p = resolve(path);
        if (!Files.isRegularFile(p)) return Optional.empty();
        try {
            return Optional.of(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Integer> mode(String path) {
        Path p = resolve(path);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            int mode = 0;
            for (PosixFilePermission perm : perms) mode |= 1 << (8 - perm.ordinal());
            return Optional.of(mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + p + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }
}
