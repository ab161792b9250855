package com.example.hello;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.persist.BootConfig;
import dev.vzbridge.api.persist.BootFiles;
import dev.vzbridge.api.persist.OwnedBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps the addresses {@code hello addr} adds across a reboot: {@code vzbridge save}
 * writes every IPv4 address of a plain interface that the rest of the node's file
 * does not already name into a block hello owns; the rest of the file is left alone.
 * RHEL: IPADDRn/PREFIXn in ifcfg-DEV (only when that file exists). Debian: an extra
 * {@code iface DEV inet static} stanza per address in /etc/network/interfaces.
 */
public class HelloBootConfig implements BootConfig {
    static final String OWNER = "hello";
    static final String RHEL_DIR = "/etc/sysconfig/network-scripts";
    static final String DEBIAN_FILE = "/etc/network/interfaces";

    @Override
    public String owner() {
        return OWNER;
    }

    @Override
    public List<OwnedBlock> blocks(BootFiles node) {
        return node.format() == BootFiles.Format.RHEL ? rhel(node) : debian(node);
    }

    private static List<OwnedBlock> rhel(BootFiles node) {
        List<OwnedBlock> out = new ArrayList<>();
        for (Link link : plainLinks(node.host())) {
            String path = RHEL_DIR + "/ifcfg-" + link.name();
            Optional<String> text = node.read(path);
            if (text.isEmpty()) continue;
            String rest = OwnedBlock.without(text.get(), OWNER);
            List<String> lines = new ArrayList<>();
            int index = 0;
            for (Address a : unnamed(node.host(), link, rest)) {
                do index++; while (rest.contains("IPADDR" + index + "="));
                lines.add("IPADDR" + index + "=" + a.parsed().address());
                lines.add("PREFIX" + index + "=" + a.parsed().prefix());
            }
            out.add(new OwnedBlock(path, lines)); // no lines: an earlier block goes
        }
        return out;
    }

    private static List<OwnedBlock> debian(BootFiles node) {
        Optional<String> text = node.read(DEBIAN_FILE);
        if (text.isEmpty()) return List.of();
        String rest = OwnedBlock.without(text.get(), OWNER);
        List<String> lines = new ArrayList<>();
        for (Link link : plainLinks(node.host()))
            for (Address a : unnamed(node.host(), link, rest)) {
                lines.add("iface " + link.name() + " inet static");
                lines.add("    address " + a.parsed());
            }
        return List.of(new OwnedBlock(DEBIAN_FILE, lines));
    }

    /** Interfaces that hold their own addresses: not bridges, not bridge ports, not loopback. */
    private static List<Link> plainLinks(HostState host) {
        return host.links().stream().filter(l -> !l.isBridge() && !l.isLoopback() && l.master() == null).toList();
    }

    /** The link's global IPv4 addresses that {@code rest} (the file without hello's block) does not name. */
    private static List<Address> unnamed(HostState host, Link link, String rest) {
        return host.addressesOf(link.name()).stream()
            .filter(a -> !a.isV6() && !a.isLinkLocal())
            .filter(a -> !Pattern.compile("(?<![0-9.])" + Pattern.quote(a.parsed().address().toString()) + "(?![0-9.])")
                .matcher(rest).find())
            .toList();
    }
}
