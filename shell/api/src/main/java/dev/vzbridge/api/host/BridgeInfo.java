package dev.vzbridge.api.host;

/** Bridge-wide settings; forward delay in whole seconds. */
public record BridgeInfo(boolean stp, int forwardDelay) {
}
