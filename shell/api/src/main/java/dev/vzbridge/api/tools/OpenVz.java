package dev.vzbridge.api.tools;

import java.util.Locale;

/**
 * The OpenVZ generation a node runs: its vzctl forms, its network hook's calling
 * convention and the files {@code save} writes for it.
 */
public enum OpenVz {
    /** vzctl 4.x: NETIF bridge=, 5-field --netif_add, the hook runs as "init veth DEV". */
    LEGACY("legacy"),
    /** libvzctl + vzctl 7: NETIF network=/type=/ip=/gw=, 4-field --netif_add, the hook runs as "addif DEV NET". */
    SEVEN("7");

    private final String word;

    OpenVz(String word) {
        this.word = word;
    }

    /** The word --openvz takes: "legacy" or "7". */
    public String word() {
        return word;
    }

    /** "legacy" or "7" → the platform; null for anything else (auto is decided elsewhere). */
    public static OpenVz of(String word) {
        if (word == null) return null;
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "legacy" -> LEGACY;
            case "7" -> SEVEN;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return this == SEVEN ? "OpenVZ 7" : "legacy OpenVZ";
    }
}
