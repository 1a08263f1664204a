package org.jilastik.forest;

import io.jhdf.GroupSymbolTableNode;
import io.jhdf.HdfFile;
import io.jhdf.LocalHeap;
import io.jhdf.ObjectHeader;
import io.jhdf.SymbolTableEntry;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.btree.BTreeV1;
import io.jhdf.object.message.SymbolTableMessage;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Opens a node by path without loading the siblings on the way: jhdf 0.13 builds every child of a group when one
 * is asked for, and fails on some children real projects contain (e.g. the opaque {@code |V336} dataset
 * {@code ObjectClassification/ExportSettings}). Old-style (symbol table) groups are looked up entry by entry.
 */
final class SymbolTableLookup {
    private SymbolTableLookup() {
    }

    static Node byPath(HdfFile file, String path) {
        HdfBackingStorage storage = file.getHdfBackingStorage();
        long address = file.getAddress();
        for (String name : path.split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            ObjectHeader header = ObjectHeader.readObjectHeader(storage, address);
            if (!header.hasMessageOfType(SymbolTableMessage.class)) {
                // New-style group: let jhdf resolve the rest of the path from here.
                Group g = (Group) file.getNodeByAddress(address);
                return g.getByPath(path.substring(path.indexOf(name)));
            }
            address = childAddress(storage, header.getMessageOfType(SymbolTableMessage.class), name, path);
        }
        return file.getNodeByAddress(address);
    }

    private static long childAddress(HdfBackingStorage storage, SymbolTableMessage table, String name, String path) {
        ByteBuffer names = new LocalHeap(storage, table.getLocalHeapAddress()).getDataBuffer();
        for (long nodeAddress : BTreeV1.createGroupBTree(storage, table.getBTreeAddress()).getChildAddresses()) {
            for (SymbolTableEntry e : new GroupSymbolTableNode(storage, nodeAddress).getSymbolTableEntries()) {
                if (name.equals(readName(names, e.getLinkNameOffset()))) {
                    return e.getObjectHeaderAddress();
                }
            }
        }
        throw new AssertionError("no " + name + " on the way to " + path);
    }

    private static String readName(ByteBuffer heap, int offset) {
        int end = offset;
        while (heap.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - offset];
        heap.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
