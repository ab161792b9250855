/**
 * The journal: one append-only file per transaction under {@code /var/lib/vzbridge/journal}
 * (its records, their JSON form, the log read back from them, snapshots and file backups),
 * plus the audit log. Values and files only: the engine writes and reads it, and nothing
 * here calls back into the engine.
 */
package dev.vzbridge.engine.journal;
