package dev.vzbridge.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** SHA-256 and mode of node files (under --root), for snapshots. */
public final class FileHashes {
    private FileHashes() {
    }

    public static Map<String, String> of(Collection<String> nodePaths, Function<String, Path> underRoot) {
        Map<String, String> out = new TreeMap<>();
        for (String p : nodePaths) out.put(p, hash(underRoot.apply(p)));
        return out;
    }

    public static String hash(Path file) {
        if (!Files.isRegularFile(file)) return Snapshot.ABSENT;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            int mode = (Integer) Files.getAttribute(file, "unix:mode") & 07777;
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file))) + " mode " + Integer.toOctalString(mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
