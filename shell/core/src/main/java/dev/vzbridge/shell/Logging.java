package dev.vzbridge.shell;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends SLF4J (ours and PF4J's) to a file, never to the console: /var/log/vzbridge/
 * when writable (root), else ~/.vzbridge/. Must run before the first logger exists;
 * a log file given with -Dorg.slf4j.simpleLogger.logFile wins.
 */
public final class Logging {
    static final String FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private Logging() {
    }

    /** @return where the log goes */
    public static String configure(boolean debug) {
        if (System.getProperty(FILE_PROPERTY) == null) System.setProperty(FILE_PROPERTY, chooseFile());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        return System.getProperty(FILE_PROPERTY);
    }

    private static String chooseFile() {
        Path varLog = Path.of("/var/log");
        if (Files.isWritable(varLog)) {
            Path dir = varLog.resolve("vzbridge");
            if (usable(dir)) return dir.resolve("vzbridge.log").toString();
        }
        String home = System.getProperty("user.home");
        if (home != null) {
            Path dir = Path.of(home, ".vzbridge");
            if (usable(dir)) return dir.resolve("vzbridge.log").toString();
        }
        return "/dev/null"; // nowhere to write: quiet rather than on the admin's screen
    }

    private static boolean usable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
