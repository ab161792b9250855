package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Plan;

/** What became of a plan handed to the engine: the shell renders it. */
public sealed interface Submission {
    /** 0 ok, 1 failed and rolled back (or not started), 3 rolled back but drift remains */
    int exitCode();

    /** --dry-run: the plan, not run. */
    record Shown(Plan plan) implements Submission {
        public int exitCode() {
            return 0;
        }
    }

    /**
     * Added to the open transaction, which now holds this many changes.
     *
     * @param commandLine the command that made the plan
     * @param quiet       a batch's transaction: nothing is said per command
     */
    record Queued(Plan plan, String commandLine, int pendingChanges, boolean quiet) implements Submission {
        public int exitCode() {
            return 0;
        }
    }

    /** Nothing to apply (an empty plan, an empty transaction); {@code what} names it. */
    record NothingToDo(String what) implements Submission {
        public int exitCode() {
            return 0;
        }
    }

    /** Applied as a transaction (or refused before it started): how it ended, and the plan it applied. */
    record Applied(Outcome outcome, Plan plan) implements Submission {
        public int exitCode() {
            return outcome.exitCode();
        }
    }
}
