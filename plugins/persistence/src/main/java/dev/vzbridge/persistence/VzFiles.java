package dev.vzbridge.persistence;

import dev.vzbridge.api.tools.OpenVz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * OpenVZ's side: each container's config keys (legacy: NETIF bridge= and the
 * script's keys; OpenVZ 7: NETIF network=/type=/ip=/gw=/configure=), vznet.conf's
 * EXTERNAL_SCRIPT and that one script for both hooks, the umount script for host
 * routes, and CT0_IP in vz.conf.
 */
final class VzFiles {
    static final String NET_SCRIPT = "/usr/sbin/vznetcfg.custom";
    static final String UMOUNT_SCRIPT = "/etc/vz/conf/vps.umount";
    static final String VZNET_CONF = "/etc/vz/vznet.conf";
    static final String VZ_CONF = "/etc/vz/vz.conf";
    /** Per-interface addresses, written when a CT has more than one bridged interface. */
    static final String IP_KEY_PREFIX = "VZBRIDGE_IP_";
    static final String HOST_ROUTES_KEY = "VZBRIDGE_HOST_ROUTES";

    private VzFiles() {
    }

    static String ctConf(String id) {
        return "/etc/vz/conf/" + id + ".conf";
    }

    static void write(RunningConfig cfg, OpenVz openvz, FileSet out) {
        if (cfg.containers().isEmpty()) return;
        for (RunningConfig.CtNet ct : cfg.containers()) {
            if (openvz == OpenVz.SEVEN) container7(ct, out);
            else container(ct, out);
        }

        ShellVarsFile vznet = ShellVarsFile.parse(VZNET_CONF, out.current(VZNET_CONF), true);
        vznet.set("EXTERNAL_SCRIPT", NET_SCRIPT);
        out.put(VZNET_CONF, vznet.render(out.header("Container network script")), null);
        out.putGenerated(NET_SCRIPT, script("vznetcfg.custom", out.version()), 0755);

        if (cfg.usesHostRoutes()) {
            out.putGenerated(UMOUNT_SCRIPT, script("vps.umount", out.version()), 0755);
            ShellVarsFile vz = ShellVarsFile.parse(VZ_CONF, out.current(VZ_CONF), true);
            cfg.nodeAddress().ifPresent(ip -> vz.set("CT0_IP", ip));
            out.put(VZ_CONF, vz.render(out.header("Node address for host routes")), null);
        }
    }

    private static void container(RunningConfig.CtNet ct, FileSet out) {
        String path = ctConf(ct.id());
        ShellVarsFile f = ShellVarsFile.parse(path, out.current(path), true);
        f.set("CONFIG_CUSTOMIZED", "yes");
        f.set("VETH_IP_ADDRESS", ct.addresses().stream().map(Object::toString).collect(Collectors.joining(" ")));
        if (ct.gateway() != null) f.set("VE_DEFAULT_GATEWAY", ct.gateway());
        else f.remove("VE_DEFAULT_GATEWAY");
        f.set("BRIDGEDEV", ct.ifaces().get(0).bridge());
        f.set("NETIF", Netif.merge(f.get("NETIF").orElse(""), ct.ifaces()));
        List<String> perIface = new ArrayList<>();
        if (ct.ifaces().size() > 1) {
            for (RunningConfig.CtIface i : ct.ifaces()) {
                String key = ipKey(i.ifname());
                perIface.add(key);
                f.set(key, i.addresses().stream().map(Object::toString).collect(Collectors.joining(" ")));
            }
        }
        for (String k : f.values().keySet()) if (k.startsWith(IP_KEY_PREFIX) && !perIface.contains(k)) f.remove(k);
        if (ct.hostRoutes().isEmpty()) f.remove(HOST_ROUTES_KEY);
        else f.set(HOST_ROUTES_KEY, String.join(" ", ct.hostRoutes()));
        out.put(path, f.render(out.header("Network of CT " + ct.id())), null);
    }

    /**
     * OpenVZ 7: the addresses and gateway are libvzctl's own (NETIF ip=, gw=, applied
     * inside at every start); the script only needs the host routes. The legacy
     * script's keys (VETH_IP_ADDRESS, BRIDGEDEV, …) are left as they are.
     */
    private static void container7(RunningConfig.CtNet ct, FileSet out) {
        String path = ctConf(ct.id());
        ShellVarsFile f = ShellVarsFile.parse(path, out.current(path), true);
        f.set("NETIF", Netif.merge7(f.get("NETIF").orElse(""), ct.ifaces(), ct.gateway()));
        if (ct.hostRoutes().isEmpty()) f.remove(HOST_ROUTES_KEY);
        else f.set(HOST_ROUTES_KEY, String.join(" ", ct.hostRoutes()));
        out.put(path, f.render(out.header("Network of CT " + ct.id())), null);
    }

    /** The script's key for an interface's addresses (shell names allow only letters, digits, '_'). */
    static String ipKey(String ifname) {
        return IP_KEY_PREFIX + ifname.replaceAll("[^A-Za-z0-9_]", "_");
    }

    static byte[] script(String name, String version) {
        try (InputStream in = VzFiles.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("@VERSION@", version).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
