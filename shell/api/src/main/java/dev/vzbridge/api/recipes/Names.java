package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Validation of interface names and container IDs; every problem is one line naming it. */
public final class Names {
    /** Linux IFNAMSIZ is 16 including the terminating NUL. */
    public static final int MAX_IFNAME_BYTES = 15;

    private Names() {
    }

    /**
     * The one rule for every interface name vzbridge is given (bridge, NIC,
     * --ifname, plugin arguments): 1 to 15 bytes of ASCII letters, digits, '_',
     * '.' and '-', and not "." or "..". Stricter than the kernel on purpose: a name
     * ends up in argv, file names (ifcfg-NAME) and shell-sourced config files, and
     * '%' would make the kernel choose another name ("br%d" becomes br0, br1…).
     */
    public static String ifname(String option, String name) {
        if (name == null || name.isEmpty()) throw new UsageException(option + ": empty interface name");
        String shown = printable(name);
        if (name.equals(".") || name.equals("..")) throw new UsageException(option + " '" + shown + "' is not a valid interface name");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isNameChar(c)) continue;
            String why;
            if (c == 0) why = "contains a NUL byte";
            else if (c == '/') why = "contains '/'";
            else if (c == ':') why = "contains ':' (alias labels are not interfaces)";
            else if (c == '%') why = "contains '%' (the kernel would pick a different name for it)";
            else if (Character.isWhitespace(c) || Character.isISOControl(c)) why = "contains whitespace or a control character";
            else why = "contains '" + new String(Character.toChars(name.codePointAt(i))) + "'";
            throw new UsageException(option + " '" + shown + "' " + why + "; interface names use only ASCII letters, digits, '_', '.' and '-'");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_IFNAME_BYTES)
            throw new UsageException(option + " '" + shown + "' is " + bytes + " bytes long; interface names have at most " + MAX_IFNAME_BYTES);
        return name;
    }

    /** ASCII letters, digits, '_', '.' and '-'. */
    public static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** A valid name of an interface that exists on the node; an unknown one is refused naming the node's interfaces. */
    public static Link existingLink(HostState host, String option, String name) {
        ifname(option, name);
        return host.link(name).orElseThrow(() -> new UsageException(option + ": no interface '" + name + "' on the node ("
            + listed("interfaces", host.links().stream().filter(l -> !l.isLoopback()).map(Link::name).sorted().toList(),
                "the node has none but the loopback") + ")"));
    }

    /** A valid name of an existing bridge; an unknown one is refused naming the bridges there are. */
    public static Link existingBridge(HostState host, String option, String name) {
        ifname(option, name);
        Link l = host.link(name).orElseThrow(() -> new UsageException(option + ": no bridge '" + name + "' on the node ("
            + listed("bridges", bridgeNames(host), "there is none yet; 'bridge create " + name + " --nic NIC' makes it") + ")"));
        if (!l.isBridge()) throw new UsageException(option + ": " + name + " is not a bridge (it is " + kindOf(l) + ")");
        return l;
    }

    /**
     * A link that may carry a bridge: not a bridge, loopback or a container's host
     * end. Other veths count as NICs (a node that is itself a container or
     * namespace, like the lab's, has its uplink on a veth). An unknown one is
     * refused naming the free NICs.
     */
    public static Link existingNic(HostState host, String option, String name) {
        ifname(option, name);
        Link l = host.link(name).orElseThrow(() -> new UsageException(option + ": no interface '" + name + "' on the node ("
            + listed("NICs not in a bridge", freeNicNames(host), "every NIC is in a bridge already") + ")"));
        if (l.isBridge() || l.isLoopback())
            throw new UsageException(option + ": " + name + " is " + kindOf(l) + ", not a NIC");
        if (l.isVeth() && ContainerPorts.isContainerEnd(name))
            throw new UsageException(option + ": " + name + " is a container's interface, not a NIC");
        return l;
    }

    /** The node's bridges, sorted. */
    public static List<String> bridgeNames(HostState host) {
        return host.bridges().stream().map(Link::name).sorted().toList();
    }

    /** NICs that could be a bridge's uplink now: not a bridge, loopback, bridge port or container's host end; sorted (what completion offers for --nic, Candidates.Nics). */
    public static List<String> freeNicNames(HostState host) {
        return host.links().stream()
            .filter(l -> !l.isLoopback() && !l.isBridge() && l.master() == null)
            .filter(l -> !(l.isVeth() && ContainerPorts.isContainerEnd(l.name())))
            .map(Link::name).sorted().toList();
    }

    /** "WHAT: a, b, c" (at most {@value #LISTED} names, then how many more), or {@code none} when there are none. */
    static String listed(String what, List<String> names, String none) {
        if (names.isEmpty()) return none;
        String shown = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        int more = names.size() - LISTED;
        return what + ": " + shown + (more > 0 ? " and " + more + " more" : "");
    }

    private static final int LISTED = 12;

    /** Refuses when the runtime is not installed, saying so, before any container is looked for. */
    public static void runtimeAvailable(dev.vzbridge.api.tools.ContainerRuntime runtime) {
        runtime.unavailable().ifPresent(problem -> {
            throw new UsageException(problem);
        });
    }

    /** A container ID's form (checked before the host is looked at). */
    public static String ctid(String ctid) {
        if (ctid == null || ctid.isEmpty()) throw new UsageException("empty container ID");
        if (!ctid.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"))
            throw new UsageException("'" + printable(ctid) + "' is not a container ID");
        return ctid;
    }

    /** A container the runtime knows. */
    public static Container existingContainer(HostState host, String ctid) {
        ctid(ctid);
        return host.container(ctid).orElseThrow(() -> new UsageException("no container " + ctid + " on the node ("
            + listed("containers", host.containers().stream().map(Container::id).sorted().toList(), "the runtime knows none") + ")"));
    }

    /** A running container (addresses inside can only be set while it runs). */
    public static Container runningContainer(HostState host, String ctid) {
        Container c = existingContainer(host, ctid);
        if (!c.running()) throw new UsageException("container " + ctid + " is not running; start it first");
        return c;
    }

    static String kindOf(Link l) {
        if (l.isLoopback()) return "the loopback";
        if (l.kind() == null) return "an interface";
        return "a " + l.kind();
    }

    /** Keeps messages on one line: control characters shown as \xNN. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isISOControl(c)) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
