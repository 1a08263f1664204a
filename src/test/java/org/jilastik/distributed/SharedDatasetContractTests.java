package org.jilastik.distributed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.n5.N5Source;
import org.jilastik.io.zarr.Downsample;
import org.jilastik.io.zarr.OmeZarrOptions;
import org.jilastik.io.zarr.ZarrChunks;
import org.jilastik.io.zarr.ZarrSource;
import org.junit.jupiter.api.Nested;

/** The shared-dataset contract for every format the distributed export writes. */
class SharedDatasetContractTests {
    private static Map<String, Object> attrs(String run) {
        return Map.of(SharedDataset.RUN_KEY, run, "axes", List.of("x", "y", "z"));
    }

    private static Object readN5(SharedDataset d) {
        try (N5Source s = N5Source.open(d.location(), "exported_data")) {
            return s.read(Box.ofShape(s.shape())).data();
        }
    }

    private static Object readZarr(SharedDataset d, String internalPath) {
        try (ZarrSource s = ZarrSource.open(d.location(), internalPath)) {
            return s.read(Box.ofShape(s.shape())).data();
        }
    }

    @Nested
    class N5Raw extends AbstractSharedDatasetContractTest {
        @Override
        SharedDataset dataset(Path dir, long[] shape, int[] block, DType dtype, String run) {
            return new SharedN5Dataset(dir.resolve("out.n5"), "exported_data", shape, block, dtype, false, attrs(run));
        }

        @Override
        Object readAll(SharedDataset d) {
            return readN5(d);
        }
    }

    @Nested
    class N5Gzip extends AbstractSharedDatasetContractTest {
        @Override
        SharedDataset dataset(Path dir, long[] shape, int[] block, DType dtype, String run) {
            return new SharedN5Dataset(dir.resolve("out.n5"), "/exported_data/", shape, block, dtype, true,
                    attrs(run));
        }

        @Override
        Object readAll(SharedDataset d) {
            return readN5(d);
        }

        @Override
        DType dtype() {
            return DType.UINT16;
        }
    }

    @Nested
    class ZarrV2Blosc extends AbstractSharedDatasetContractTest {
        @Override
        SharedDataset dataset(Path dir, long[] shape, int[] block, DType dtype, String run) {
            return new SharedZarrDataset(dir.resolve("out.zarr"), "group/data", shape, block, dtype, 2,
                    ZarrChunks.Compression.BLOSC_LZ4, null, attrs(run));
        }

        @Override
        Object readAll(SharedDataset d) {
            return readZarr(d, "group/data");
        }
    }

    @Nested
    class ZarrV2Gzip extends AbstractSharedDatasetContractTest {
        @Override
        SharedDataset dataset(Path dir, long[] shape, int[] block, DType dtype, String run) {
            return new SharedZarrDataset(dir.resolve("out.zarr"), "data", shape, block, dtype, 2,
                    ZarrChunks.Compression.GZIP, null, attrs(run));
        }

        @Override
        Object readAll(SharedDataset d) {
            return readZarr(d, "data");
        }

        @Override
        DType dtype() {
            return DType.UINT16;
        }
    }

    @Nested
    class ZarrV3Blosc extends AbstractSharedDatasetContractTest {
        @Override
        SharedDataset dataset(Path dir, long[] shape, int[] block, DType dtype, String run) {
            return new SharedZarrDataset(dir.resolve("out.zarr"), "data", shape, block, dtype, 3,
                    ZarrChunks.Compression.BLOSC_LZ4, List.of("z", "y", "x"), attrs(run));
        }

        @Override
        Object readAll(SharedDataset d) {
            return readZarr(d, "data");
        }
    }

    @Nested
    class ZarrV3Gzip extends AbstractSharedDatasetContractTest {
        @Override
        SharedDataset dataset(Path dir, long[] shape, int[] block, DType dtype, String run) {
            return new SharedZarrDataset(dir.resolve("out.zarr"), "a/b", shape, block, dtype, 3,
                    ZarrChunks.Compression.GZIP, List.of("z", "y", "x"), attrs(run));
        }

        @Override
        Object readAll(SharedDataset d) {
            return readZarr(d, "a/b");
        }
    }

    abstract static class OmeZarr extends AbstractSharedDatasetContractTest {
        abstract int zarrFormat();

        @Override
        SharedDataset dataset(Path dir, long[] shape, int[] block, DType dtype, String run) {
            OmeZarrOptions o = OmeZarrOptions.plain(zarrFormat(), false, Downsample.MEAN);
            return new SharedOmeZarrDataset(dir.resolve("img.zarr"), shape, block, dtype, o, run);
        }

        @Override
        Object readAll(SharedDataset d) {
            return readZarr(d, "s0");
        }

        @Override
        long[] shape() {
            return new long[] {2, 3, 1, 37, 50};
        }

        @Override
        int[] block() {
            return new int[] {1, 3, 1, 16, 32};
        }
    }

    @Nested
    class OmeZarr04 extends OmeZarr {
        @Override
        int zarrFormat() {
            return 2;
        }
    }

    @Nested
    class OmeZarr05 extends OmeZarr {
        @Override
        int zarrFormat() {
            return 3;
        }
    }
}
