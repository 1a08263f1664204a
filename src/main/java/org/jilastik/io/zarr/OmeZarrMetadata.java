package org.jilastik.io.zarr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OME-NGFF {@code multiscales} entry of an image with axes {@code tczyx}, built as ilastik's OME-Zarr
 * exporter (version 2) builds it: axes with their types (and units when known); one dataset per level whose
 * {@code scale} is the level's downscaling factor (full extent ÷ level extent, 1 for {@code c}) times the pixel
 * size along the axes the pyramid scales, 1 elsewhere; a multiscale-level {@code scale} with the pixel sizes of
 * the unscaled axes when any differs from 1; a multiscale-level {@code translation} of the cutout offset in
 * physical units when it is not 0 (preceded by a unit {@code scale} if there was none); and, for a pyramid, a
 * {@code metadata} entry naming the downscaling method. Stateless.
 */
final class OmeZarrMetadata {
    static final String AXES = "tczyx";

    private OmeZarrMetadata() {
    }

    /** The 2× pyramid of {@code shape}: ilastik's rule, halving z, y, x (floor, at least 1) until one chunk holds it. */
    static List<long[]> pyramid(long[] shape, int[] chunk, boolean multiscale) {
        List<long[]> levels = new ArrayList<>();
        levels.add(shape.clone());
        for (int i = 1; multiscale && i < 42; i++) {
            long[] prev = levels.getLast();
            boolean fits = true;
            for (int a = 2; a < 5; a++) {
                fits &= prev[a] <= chunk[a];
            }
            if (fits) {
                break;
            }
            long[] s = shape.clone();
            for (int a = 2; a < 5; a++) {
                s[a] = Math.max(shape[a] >> i, 1);
            }
            levels.add(s);
        }
        return levels;
    }

    /** The {@code multiscales[0]} object; {@code version} is put inside it for NGFF 0.4 only. */
    static Map<String, Object> multiscale(List<long[]> levels, OmeZarrOptions o, String ngffVersion) {
        long[] base = levels.getFirst();
        double[] res = new double[5];
        boolean[] scaled = new boolean[5];
        for (int a = 0; a < 5; a++) {
            res[a] = o.pixelSize() != null && o.pixelSize()[a] > 0 ? o.pixelSize()[a] : 1.0;
            for (long[] l : levels) {
                scaled[a] |= AXES.charAt(a) != 'c' && l[a] != base[a];
            }
        }
        List<Object> axes = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            char key = AXES.charAt(a);
            Map<String, Object> ax = new LinkedHashMap<>();
            ax.put("name", String.valueOf(key));
            ax.put("type", key == 't' ? "time" : key == 'c' ? "channel" : "space");
            String unit = o.units() == null ? null : o.units()[a];
            if (unit != null && !unit.isEmpty()) {
                ax.put("unit", unit);
            }
            axes.add(ax);
        }
        List<Object> datasets = new ArrayList<>();
        for (int k = 0; k < levels.size(); k++) {
            long[] l = levels.get(k);
            List<Double> scale = new ArrayList<>();
            for (int a = 0; a < 5; a++) {
                double factor = AXES.charAt(a) == 'c' ? 1.0 : (double) base[a] / l[a];
                scale.add(factor * (scaled[a] ? res[a] : 1.0));
            }
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("path", "s" + k);
            ds.put("coordinateTransformations", List.of(Map.of("type", "scale", "scale", scale)));
            datasets.add(ds);
        }
        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("axes", axes);
        ms.put("datasets", datasets);
        if (ngffVersion.equals("0.4")) {
            ms.put("version", ngffVersion);
        }
        List<Object> transforms = new ArrayList<>();
        List<Double> unscaled = new ArrayList<>();
        List<Double> translation = new ArrayList<>();
        boolean anyScale = false;
        boolean anyShift = false;
        for (int a = 0; a < 5; a++) {
            double u = scaled[a] ? 1.0 : res[a];
            double t = o.offset() == null ? 0.0 : o.offset()[a] * res[a];
            unscaled.add(u);
            translation.add(t);
            anyScale |= u != 1;
            anyShift |= t != 0;
        }
        if (anyScale || anyShift) {
            transforms.add(Map.of("type", "scale", "scale", anyScale ? unscaled : List.of(1.0, 1.0, 1.0, 1.0, 1.0)));
        }
        if (anyShift) {
            transforms.add(Map.of("type", "translation", "translation", translation));
        }
        if (!transforms.isEmpty()) {
            ms.put("coordinateTransformations", transforms);
        }
        if (levels.size() > 1) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("description", o.downsample() == Downsample.MEAN
                    ? "jilastik's 2x downscaling: each level is the mean of 2x2(x2) cells of the level before"
                    : "jilastik's 2x downscaling: each level takes the first element of 2x2(x2) cells of the level "
                            + "before (label-preserving stride sampling)");
            meta.put("method", o.downsample() == Downsample.MEAN ? "jilastik.block_mean" : "jilastik.stride");
            meta.put("version", o.creatorVersion());
            ms.put("metadata", meta);
        }
        return ms;
    }

    /** ilastik's {@code _creator} signature, with jilastik's name and version. */
    static Map<String, Object> creator(OmeZarrOptions o) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", o.creatorName());
        c.put("ome_zarr_exporter_version", 2);
        c.put("version", o.creatorVersion());
        return c;
    }
}
