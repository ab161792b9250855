package dev.vzbridge.engine;

import dev.vzbridge.shell.GlobalOptions;

import java.util.Optional;

/**
 * Who starts a transaction and how the node was reached, for the journal header
 * (so another process can rebuild access to the node) and the audit log.
 */
public record Origin(String user, String sshClient, String sshConnection, String netns, String runtime,
                     String ctNetns, String tools) {
    public static Origin of(GlobalOptions o) {
        String ssh = Optional.ofNullable(System.getenv("SSH_CONNECTION")).filter(s -> !s.isBlank()).orElse(null);
        return new Origin(currentUser(), ssh == null ? null : ssh.split("\\s+")[0], ssh,
            o == null ? null : o.netns, o == null ? null : o.runtime, o == null ? null : o.ctNetns,
            o == null ? null : o.tools);
    }

    static String currentUser() {
        String u = System.getProperty("user.name", "?");
        String sudo = System.getenv("SUDO_USER");
        return sudo == null || sudo.isBlank() || sudo.equals(u) ? u : u + "(" + sudo + ")";
    }
}
