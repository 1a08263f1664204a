package org.jilastik.project;

import io.jhdf.api.Group;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The raw bytes of an HDF5 dataset jhdf cannot open: ilastik's pickled counting regressors are stored with an
 * opaque type whose tag is empty, on which jhdf 0.13 fails. This reads the dataset's object header (version 1 or
 * 2) directly, finds its data layout message (version 3: compact or contiguous storage) and returns the stored
 * bytes. Chunked storage is refused (h5py writes these small datasets contiguous). Stateless, thread safe as far as
 * jhdf's storage is.
 */
final class OpaqueDatasetBytes {
    private static final int LAYOUT = 0x0008;
    private static final int CONTINUATION = 0x0010;

    private OpaqueDatasetBytes() {
    }

    /**
     * The bytes of dataset {@code name} in {@code group}.
     *
     * @throws IllegalStateException if the dataset is absent or its layout is not compact or contiguous
     */
    static byte[] read(Group group, String name) {
        Long address = Hdf5Children.linkAddresses(group).get(name);
        if (address == null) {
            throw new IllegalStateException("no dataset " + name);
        }
        HdfBackingStorage storage = group.getHdfFile().getHdfBackingStorage();
        ByteBuffer layout = layoutMessage(storage, address);
        if (layout == null || (layout.get() & 0xff) != 3) {
            throw new IllegalStateException("dataset " + name + " has no version-3 data layout message");
        }
        int layoutClass = layout.get() & 0xff;
        if (layoutClass == 0) { // compact: the bytes are in the header
            byte[] b = new byte[layout.getShort() & 0xffff];
            layout.get(b);
            return b;
        }
        if (layoutClass != 1) {
            throw new IllegalStateException("dataset " + name + " is chunked");
        }
        long dataAddress = offset(layout, storage.getSizeOfOffsets());
        long size = offset(layout, storage.getSizeOfLengths());
        byte[] b = new byte[Math.toIntExact(size)];
        if (size > 0 && dataAddress != -1) {
            storage.readBufferFromAddress(dataAddress, b.length).get(b);
        }
        return b;
    }

    // Walks the header's messages (following continuation blocks) to the data layout message.
    private static ByteBuffer layoutMessage(HdfBackingStorage storage, long address) {
        ByteBuffer head = le(storage.readBufferFromAddress(address, 16));
        boolean v2 = head.getInt(0) == 0x5244484f; // "OHDR"
        Deque<long[]> blocks = new ArrayDeque<>();
        int flags = 0;
        if (v2) {
            flags = head.get(5) & 0xff;
            int at = 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
            int sizeBytes = 1 << (flags & 3);
            ByteBuffer h = le(storage.readBufferFromAddress(address, at + sizeBytes));
            h.position(at);
            long chunk = sizeBytes == 1 ? h.get() & 0xff : sizeBytes == 2 ? h.getShort() & 0xffff
                    : sizeBytes == 4 ? h.getInt() & 0xffffffffL : h.getLong();
            blocks.add(new long[] {address + at + sizeBytes, chunk});
        } else {
            blocks.add(new long[] {address + 16, head.getInt(8) & 0xffffffffL});
        }
        while (!blocks.isEmpty()) {
            long[] block = blocks.poll();
            ByteBuffer b = le(storage.readBufferFromAddress(block[0], Math.toIntExact(block[1])));
            if (v2 && block[0] != address && b.remaining() >= 4) {
                b.position(4); // "OCHK" signature of a continuation block
            }
            int end = b.limit() - (v2 ? 4 : 0); // v2 blocks end with a checksum
            while (b.position() + (v2 ? 4 : 8) <= end) {
                int type = v2 ? b.get() & 0xff : b.getShort() & 0xffff;
                int size = b.getShort() & 0xffff;
                int msgFlags = b.get() & 0xff;
                if (v2) {
                    if ((flags & 0x04) != 0) {
                        b.getShort(); // creation order
                    }
                } else {
                    b.position(b.position() + 3);
                }
                if (b.position() + size > b.limit()) {
                    break;
                }
                ByteBuffer data = le(b.slice(b.position(), size));
                if (type == LAYOUT) {
                    return data;
                }
                if (type == CONTINUATION) {
                    long at = offset(data, storage.getSizeOfOffsets());
                    long len = offset(data, storage.getSizeOfLengths());
                    blocks.add(new long[] {at, len});
                }
                b.position(b.position() + size);
                if (msgFlags < 0) {
                    break;
                }
            }
        }
        return null;
    }

    private static ByteBuffer le(ByteBuffer b) {
        return b.order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long offset(ByteBuffer b, int bytes) {
        return switch (bytes) {
            case 4 -> b.getInt() & 0xffffffffL;
            case 8 -> b.getLong();
            default -> throw new IllegalStateException("offsets of " + bytes + " bytes");
        };
    }
}
