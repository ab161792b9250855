package dev.vzbridge.engine.journal;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Transaction IDs that sort by start time: 20261127-210501-042-3fa2. */
public final class TxIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TxIds() {
    }

    public static String next() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(FORMAT) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
    }
}
