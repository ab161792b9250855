package dev.vzbridge.engine;

import java.util.Optional;

/** Who starts a transaction, for the journal header and the audit log. */
public record Origin(String user, String sshClient, String sshConnection) {
    public static Origin current() {
        String ssh = Optional.ofNullable(System.getenv("SSH_CONNECTION")).filter(s -> !s.isBlank()).orElse(null);
        return new Origin(currentUser(), ssh == null ? null : ssh.split("\\s+")[0], ssh);
    }

    static String currentUser() {
        String u = System.getProperty("user.name", "?");
        String sudo = System.getenv("SUDO_USER");
        return sudo == null || sudo.isBlank() || sudo.equals(u) ? u : u + "(" + sudo + ")";
    }
}
