package org.jilastik.project;

import io.jhdf.AbstractNode;
import io.jhdf.GroupSymbolTableNode;
import io.jhdf.HdfFile;
import io.jhdf.LocalHeap;
import io.jhdf.ObjectHeader;
import io.jhdf.SymbolTableEntry;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.btree.BTreeV1;
import io.jhdf.btree.BTreeV1Group;
import io.jhdf.object.message.LinkMessage;
import io.jhdf.object.message.SymbolTableMessage;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists a group's children even when jhdf cannot. jhdf 0.13 fails to list a whole group if one child is an
 * opaque dataset without a tag (h5py's {@code np.void} pickles: {@code ObjectClassification/ExportSettings},
 * {@code PixelClassification/Bookmarks/0000}, tracking's {@code ResolvedMergers/0000}). Then this class walks
 * the group's links itself (old-style symbol table, or link messages), opens each child by address, and leaves
 * out the children jhdf cannot open.
 *
 * <p>Children opened this way do not know their own name or path; callers track paths themselves. Stateless,
 * thread safe as far as jhdf reads are.
 */
final class Hdf5Children {
    private Hdf5Children() {
    }

    /** The children of {@code g} by name (sorted), without those jhdf cannot open. */
    static Map<String, Node> of(Group g) {
        try {
            return g.getChildren();
        } catch (RuntimeException e) {
            return walk(g);
        }
    }

    private static Map<String, Node> walk(Group g) {
        HdfFile file = g.getHdfFile();
        Map<String, Long> addresses = linkAddresses(g);
        Map<String, Node> out = new TreeMap<>();
        for (Map.Entry<String, Long> e : addresses.entrySet()) {
            try {
                out.put(e.getKey(), file.getNodeByAddress(e.getValue()));
            } catch (RuntimeException skipped) {
                // an opaque pickle jhdf cannot parse; jilastik never needs its content
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The object-header address of every hard link of {@code g}, by name, read from the group's own structures. */
    static Map<String, Long> linkAddresses(Group g) {
        HdfFile file = g.getHdfFile();
        HdfBackingStorage storage = file.getHdfBackingStorage();
        Map<String, Long> addresses = new LinkedHashMap<>();
        ObjectHeader oh = ObjectHeader.readObjectHeader(storage, ((AbstractNode) g).getAddress());
        if (oh.hasMessageOfType(SymbolTableMessage.class)) {
            SymbolTableMessage stm = oh.getMessageOfType(SymbolTableMessage.class);
            BTreeV1Group tree = BTreeV1.createGroupBTree(storage, stm.getBTreeAddress());
            ByteBuffer names = new LocalHeap(storage, stm.getLocalHeapAddress()).getDataBuffer();
            for (long nodeAddress : tree.getChildAddresses()) {
                for (SymbolTableEntry e : new GroupSymbolTableNode(storage, nodeAddress).getSymbolTableEntries()) {
                    addresses.put(name(names, e.getLinkNameOffset()), e.getObjectHeaderAddress());
                }
            }
        } else {
            for (LinkMessage link : oh.getMessagesOfType(LinkMessage.class)) {
                if (link.getLinkType() == LinkMessage.LinkType.HARD) {
                    addresses.put(link.getLinkName(), link.getHardLinkAddress());
                }
            }
        }
        return addresses;
    }

    private static String name(ByteBuffer heap, int offset) {
        ByteBuffer b = heap.duplicate();
        b.position(offset);
        int start = b.position();
        while (b.hasRemaining() && b.get() != 0) {
            // scan to the terminating NUL
        }
        int len = b.position() - start - 1;
        byte[] bytes = new byte[Math.max(len, 0)];
        heap.duplicate().position(start).get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
