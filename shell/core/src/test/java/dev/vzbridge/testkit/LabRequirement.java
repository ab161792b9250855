package dev.vzbridge.testkit;

import dev.vzbridge.lab.Lab;
import dev.vzbridge.lab.LabException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.Optional;

/**
 * Lab tests must never skip silently in CI: under CI=true a lab that cannot be
 * built fails the test; elsewhere (a developer without root) the test is skipped.
 */
public final class LabRequirement {
    private LabRequirement() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails (CI) or aborts (elsewhere) the current test when no lab can be built here. */
    public static void require() {
        Optional<String> why = Lab.unavailableReason();
        why.ifPresent(LabRequirement::unavailable);
    }

    /** Builds a lab, or fails/aborts the test with the reason. */
    public static Lab build(Lab.Builder builder) {
        require();
        try {
            return builder.build();
        } catch (LabException e) {
            unavailable(e.getMessage());
            throw e;
        }
    }

    private static void unavailable(String reason) {
        if (inCi()) Assertions.fail("lab test cannot run under CI=true: " + reason);
        Assumptions.abort("lab not available: " + reason);
    }
}
