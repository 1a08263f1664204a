package org.jilastik.workflow.multicut;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.nio.file.Path;

/** Reads ilastik's multicut intermediate results (testdata multicut-2d/intermediate) for the stage tests. */
final class Intermediate implements AutoCloseable {
    static final Path CASE = Path.of("../shared/testdata/ilastik-ref/multicut-2d");
    private final HdfFile file;

    private Intermediate(Path p) {
        file = new HdfFile(p);
    }

    /** {@code "cells2d_mc"} or {@code "cells2d_mc_norf"}. */
    static Intermediate of(String project) {
        return new Intermediate(CASE.resolve("intermediate").resolve(project + "_intermediate.h5"));
    }

    Dataset dataset(String name) {
        return file.getDatasetByPath(name);
    }

    double[] doubles(String name) {
        Object flat = dataset(name).getDataFlat();
        int n = Array.getLength(flat);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(flat, i)).doubleValue();
        }
        return out;
    }

    float[] floats(String name) {
        double[] d = doubles(name);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    int[] ints(String name) {
        double[] d = doubles(name);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    Object attribute(String dataset, String name) {
        return (dataset == null ? file.getAttribute(name) : dataset(dataset).getAttribute(name)).getData();
    }

    /** The RAG of the intermediate file as an {@link EdgeGraph} with max id + 1 nodes. */
    EdgeGraph graph() {
        int[] ids = ints("edge_ids");
        int m = ids.length / 2;
        int[] u = new int[m];
        int[] v = new int[m];
        int max = 0;
        for (int e = 0; e < m; e++) {
            u[e] = ids[2 * e];
            v[e] = ids[2 * e + 1];
            max = Math.max(max, v[e]);
        }
        return EdgeGraph.of(ints("node_labels").length, u, v);
    }

    @Override
    public void close() {
        file.close();
    }
}
