package org.jilastik.io.hdf5;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Lists the image datasets of an HDF5 file, as ilastik does when no internal path is given. Stateless. */
public final class Hdf5Datasets {
    private Hdf5Datasets() {
    }

    /**
     * Paths (with a leading {@code /}) of all datasets with 2 to 5 dimensions below {@code group}, depth first,
     * children in name order.
     */
    public static List<String> imageDatasets(Group group) {
        List<String> out = new ArrayList<>();
        collect(group, out);
        return out;
    }

    private static void collect(Group group, List<String> out) {
        Map<String, Node> children;
        try {
            children = new TreeMap<>(group.getChildren());
        } catch (HdfException e) {
            return; // a group jhdf cannot parse (e.g. an .ilp's Bookmarks) holds no image we could read
        }
        for (Node n : children.values()) {
            if (n instanceof Dataset d) {
                int nd = d.getDimensions().length;
                if (nd >= 2 && nd <= 5 && !d.isCompound() && !d.isVariableLength()) {
                    out.add(n.getPath().startsWith("/") ? n.getPath() : "/" + n.getPath());
                }
            } else if (n instanceof Group g && !n.isLink()) {
                collect(g, out);
            }
        }
    }
}
