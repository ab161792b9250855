package dev.vzbridge.persistence;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.ErrorText;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.persist.BootConfig;
import dev.vzbridge.api.persist.BootFiles;
import dev.vzbridge.api.persist.OwnedBlock;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Other plugins' blocks in the node's files ({@link BootConfig}): spliced into
 * what save writes anyway, so they share its diff, check, atomic write and rollback.
 */
final class PluginBlocks {
    private PluginBlocks() {
    }

    static void write(CommandContext ctx, BootFiles.Format format, FileSet files) {
        HostState host = ctx.host();
        BootFiles view = new BootFiles() {
            public Format format() {
                return format;
            }

            public HostState host() {
                return host;
            }

            public Optional<String> read(String path) {
                return files.planned(path).map(b -> new String(b, StandardCharsets.UTF_8));
            }
        };
        Set<String> owners = new HashSet<>();
        for (BootConfig config : ctx.bootConfigs()) {
            String owner = null;
            List<OwnedBlock> blocks;
            try {
                owner = OwnedBlock.checkOwner(config.owner());
                blocks = config.blocks(view);
            } catch (RuntimeException e) {
                // Named as the admin sees it in the files (its blocks' owner), never by its Java class.
                String who = owner == null ? "a plugin's boot configuration" : "the boot configuration of '" + owner + "'";
                throw new CommandFailedException("save: " + who + " failed: " + ErrorText.of(e));
            }
            if (!owners.add(owner)) throw new CommandFailedException("save: two plugins keep blocks named '" + owner + "'");
            for (OwnedBlock block : blocks) splice(files, owner, block);
        }
    }

    private static void splice(FileSet files, String owner, OwnedBlock block) {
        Optional<byte[]> now = files.planned(block.path());
        if (now.isEmpty() && block.lines().isEmpty()) return;
        // One char per byte: whatever the file holds outside the block comes back exactly.
        String text = now.map(b -> new String(b, StandardCharsets.ISO_8859_1)).orElse("");
        List<String> lines = block.lines().stream()
            .map(l -> new String(l.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList();
        String next;
        try {
            next = OwnedBlock.splice(text, owner, lines);
        } catch (IllegalArgumentException e) {
            throw new UsageException("save: " + block.path() + ": " + e.getMessage());
        }
        if (!next.equals(text) || now.isEmpty()) files.put(block.path(), next.getBytes(StandardCharsets.ISO_8859_1), null);
    }
}
