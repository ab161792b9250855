package dev.vzbridge.host;

import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.RunnerException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenVZ generation the shell works for, and why: chosen with --openvz (or
 * VZBRIDGE_OPENVZ in vzbridge.conf), or, for auto, decided from the node: libvzctl's
 * helper directory or vzctl's major version 7 mean OpenVZ 7; anything else is legacy.
 */
public record Platform(OpenVz openvz, String why) {
    /** Where libvzctl (OpenVZ 7) keeps its helper scripts; legacy vzctl has no such directory. */
    public static final String LIBVZCTL_DIR = "/usr/libexec/libvzctl";
    private static final Pattern VERSION = Pattern.compile("version\\s+(\\d+)(\\.[\\d.]+)?");

    /** Checks the word given to --openvz (auto, legacy or 7) before anything runs. */
    public static String checkChoice(String choice) {
        String c = choice == null ? "auto" : choice;
        if (!c.equals("auto") && OpenVz.of(c) == null)
            throw new UsageException("--openvz must be auto, legacy or 7, not '" + choice + "'");
        return c;
    }

    /** An explicit choice. */
    public static Platform chosen(OpenVz openvz) {
        return new Platform(openvz, "chosen with --openvz " + openvz.word());
    }

    /** Decides auto from the node's files alone, for a node where vzctl is not installed. */
    public static Platform fromFiles(FileView files) {
        return files.exists(LIBVZCTL_DIR) ? new Platform(OpenVz.SEVEN, LIBVZCTL_DIR + " exists (libvzctl)")
            : new Platform(OpenVz.LEGACY, "vzctl is not installed; legacy assumed");
    }

    /** Decides auto from the node: the files under --root first (no process), then vzctl --version. */
    public static Platform detect(CommandRunner node, FileView files) {
        if (files.exists(LIBVZCTL_DIR)) return fromFiles(files);
        ExecResult r;
        try {
            r = node.run(List.of("vzctl", "--version"));
        } catch (RunnerException e) {
            return new Platform(OpenVz.LEGACY, "vzctl --version did not run (" + e.getMessage() + "); legacy assumed");
        }
        if (!r.ok()) return new Platform(OpenVz.LEGACY, "vzctl --version failed (" + r.problem().strip() + "); legacy assumed");
        return fromVersion(r.stdout() + r.stderr());
    }

    /** "vzctl version 7.0.262" → OpenVZ 7; "vzctl version 4.9.4" → legacy. */
    static Platform fromVersion(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.find()) return new Platform(OpenVz.LEGACY, "vzctl --version printed no version; legacy assumed");
        String v = m.group(1) + (m.group(2) == null ? "" : m.group(2));
        int major = Integer.parseInt(m.group(1));
        return major >= 7 ? new Platform(OpenVz.SEVEN, "vzctl --version says " + v)
            : new Platform(OpenVz.LEGACY, "vzctl --version says " + v);
    }

    /** The line show prints. */
    public String describe() {
        return "platform: " + openvz + " (" + why + ")";
    }
}
