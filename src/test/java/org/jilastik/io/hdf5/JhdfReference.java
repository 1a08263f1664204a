package org.jilastik.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/** Reads a whole dataset through jhdf's own (widening) {@code getData()} path, as an independent reference. */
final class JhdfReference {
    private JhdfReference() {
    }

    static Block read(Path file, String path, Axes axes, DType dtype) {
        try (HdfFile f = new HdfFile(file)) {
            Dataset d = f.getDatasetByPath(path);
            Object data = d.getData();
            Block out = Block.allocate(axes, Box.ofShape(d.getDimensionsAsLong()), dtype);
            int[] pos = {0};
            flatten(data, out, pos);
            return out;
        }
    }

    private static void flatten(Object arr, Block out, int[] pos) {
        int n = Array.getLength(arr);
        for (int i = 0; i < n; i++) {
            Object v = Array.get(arr, i);
            if (v.getClass().isArray()) {
                flatten(v, out, pos);
            } else {
                put(out, pos[0]++, (Number) v);
            }
        }
    }

    private static void put(Block out, int i, Number v) {
        switch (out.dtype()) {
            case BOOL, UINT8, INT8 -> ((byte[]) out.data())[i] = v.byteValue();
            case UINT16, INT16 -> ((short[]) out.data())[i] = v.shortValue();
            case UINT32, INT32 -> ((int[]) out.data())[i] = v.intValue();
            case UINT64, INT64 -> ((long[]) out.data())[i] = v.longValue();
            case FLOAT32 -> ((float[]) out.data())[i] = v.floatValue();
            case FLOAT64 -> ((double[]) out.data())[i] = v.doubleValue();
        }
    }
}
