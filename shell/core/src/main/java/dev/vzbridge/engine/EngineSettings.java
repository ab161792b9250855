package dev.vzbridge.engine;

import dev.vzbridge.api.command.UsageException;

import java.time.Duration;

/**
 * How the engine runs plans, decided once at start.
 *
 * @param dryRun         print plans, run nothing
 * @param verify         run the checks after applying
 * @param confirmSeconds keep a change only if 'confirm' follows within this many seconds; 0: no deadline
 * @param lockWait       how long to wait for another shell's host lock
 */
public record EngineSettings(boolean dryRun, boolean verify, int confirmSeconds, Duration lockWait) {
    /** @throws UsageException for a negative confirm time */
    public EngineSettings {
        if (confirmSeconds < 0) throw new UsageException("--confirm needs a positive number of seconds");
        if (lockWait == null || lockWait.isNegative()) lockWait = Duration.ZERO;
    }

    /** Applying and verifying, no deadline, a 10-second lock wait. */
    public static EngineSettings defaults() {
        return new EngineSettings(false, true, 0, Duration.ofSeconds(10));
    }
}
