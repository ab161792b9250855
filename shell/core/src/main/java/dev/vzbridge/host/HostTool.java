package dev.vzbridge.host;

/**
 * A program vzbridge runs on a node, with the package that provides it on each
 * distribution family. The set-up script and the .deb/.rpm dependencies name the
 * same packages (a test keeps them equal).
 */
public enum HostTool {
    SETSID("setsid", "util-linux", "util-linux",
        "starts every tool in a session of its own, so a Ctrl-C or hang-up at the terminal never reaches it"),
    IP("ip", "iproute2", "iproute", "observes and changes links, addresses and routes"),
    PING("ping", "iputils-ping", "iputils", "verifies that the node still reaches its gateway after a change"),
    ARPING("arping", "iputils-arping", "iputils", "probes for another owner of an address before it is claimed"),
    STDBUF("stdbuf", "coreutils", "coreutils", "lets the address probe say when it went out, so its wait counts from there"),
    BRCTL("brctl", "bridge-utils", "bridge-utils", "makes bridges in the legacy tool flavour"),
    IFCONFIG("ifconfig", "net-tools", "net-tools", "sets addresses in the legacy tool flavour"),
    ROUTE("route", "net-tools", "net-tools", "sets routes in the legacy tool flavour"),
    VZCTL("vzctl", "vzctl", "vzctl", "configures OpenVZ containers"),
    VZLIST("vzlist", "vzctl", "vzctl", "lists OpenVZ containers");

    private final String command;
    private final String debPackage;
    private final String rpmPackage;
    private final String purpose;

    HostTool(String command, String debPackage, String rpmPackage, String purpose) {
        this.command = command;
        this.debPackage = debPackage;
        this.rpmPackage = rpmPackage;
        this.purpose = purpose;
    }

    /** The program's name as run (looked up on PATH). */
    public String command() {
        return command;
    }

    public String purpose() {
        return purpose;
    }

    /** The package that provides it on this family of distributions. */
    public String packageOn(Distribution.Family family) {
        return family == Distribution.Family.RPM ? rpmPackage : debPackage;
    }

    /** True for the container runtime's tools, which come from OpenVZ's own repositories. */
    public boolean isContainerRuntime() {
        return this == VZCTL || this == VZLIST;
    }
}
