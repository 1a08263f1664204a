package org.jilastik.forest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jilastik.error.JilastikException;
import org.jilastik.project.StoredGroup;

/**
 * Decodes one vigra random forest group ({@code ForestNNNN}, spec pixel-classification §4.3) into a
 * {@link VigraForest} and encodes it back into a group with the same names, dtypes and attributes.
 *
 * <p>Decoding checks every tree completely (node types, child and parameter addresses, feature columns), so a
 * decoded forest can be traversed without bounds surprises. Stateless, thread safe.
 */
public final class VigraForestCodec {
    /** Group attribute holding the format version. */
    public static final String VERSION_ATTRIBUTE = "vigra_random_forest_version";
    /** Subgroup of the options (float64 (1,) datasets). */
    public static final String OPTIONS = "_options";
    /** Subgroup of the external parameters (float64 datasets and uint32 {@code labels}). */
    public static final String EXT_PARAM = "_ext_param";
    /** The uint32 class-label dataset inside {@link #EXT_PARAM}. */
    public static final String LABELS = "labels";

    private VigraForestCodec() {
    }

    /**
     * Decodes a forest group.
     *
     * @param group the forest group as read from the project
     * @param where the group's path, used in error messages (e.g. {@code PixelClassification/ClassifierForests/Forest0000})
     * @throws JilastikException (processing) when the group is not a readable vigra forest
     */
    public static VigraForest decode(StoredGroup group, String where) {
        double[] version = group.attributes().containsKey(VERSION_ATTRIBUTE)
                ? StoredValues.doubles(group.attributes().get(VERSION_ATTRIBUTE)) : null;
        StoredGroup optionGroup = group.groups().get(OPTIONS);
        StoredGroup extGroup = group.groups().get(EXT_PARAM);
        if (optionGroup == null || extGroup == null) {
            throw damaged(where, "it has no " + (optionGroup == null ? OPTIONS : EXT_PARAM) + " group");
        }
        SortedMap<String, double[]> options = numericEntries(optionGroup, where, null);
        SortedMap<String, double[]> ext = numericEntries(extGroup, where, LABELS);
        long[] labels = StoredValues.longs(extGroup.datasets().get(LABELS));
        int columns = positiveInt(ext, "column_count_", where);
        int classes = positiveInt(ext, "class_count_", where);
        int treeCount = positiveInt(options, "tree_count_", where);
        if (labels == null || labels.length != classes) {
            throw damaged(where, EXT_PARAM + "/" + LABELS + " does not list " + classes + " class labels");
        }
        List<VigraTree> trees = new ArrayList<>();
        for (Map.Entry<String, StoredGroup> e : group.groups().entrySet()) {
            if (e.getKey().startsWith("_")) {
                continue;
            }
            int[] topology = StoredValues.ints(e.getValue().datasets().get("topology"));
            double[] parameters = StoredValues.doubles(e.getValue().datasets().get("parameters"));
            if (topology == null || parameters == null) {
                throw damaged(where, "tree " + e.getKey() + " lacks its topology or parameters");
            }
            VigraTree tree = new VigraTree(topology, parameters);
            String problem = checkTree(tree, columns, classes);
            if (problem != null) {
                throw damaged(where, "tree " + e.getKey() + " " + problem);
            }
            trees.add(tree);
        }
        if (trees.size() != treeCount) {
            throw damaged(where, "it holds " + trees.size() + " trees but tree_count_ says " + treeCount);
        }
        return new VigraForest(version, Collections.unmodifiableSortedMap(options),
                Collections.unmodifiableSortedMap(ext), labels, List.copyOf(trees));
    }

    /**
     * Encodes a forest into a group named {@code name} with vigra's layout: attribute
     * {@value #VERSION_ATTRIBUTE} (float64), {@code _options/*} and {@code _ext_param/*} float64 datasets,
     * {@code _ext_param/labels} (uint32 values as {@code long[]}, as the reader gives them), and
     * {@code Tree_NN/topology} (int32) and {@code Tree_NN/parameters} (float64), the tree names zero-padded to the
     * digits of {@code tree_count − 1} as vigra writes them.
     */
    public static StoredGroup encode(VigraForest forest, String name) {
        Map<String, Object> attrs = new TreeMap<>();
        if (forest.version() != null) {
            attrs.put(VERSION_ATTRIBUTE, forest.version().clone());
        }
        Map<String, StoredGroup> groups = new TreeMap<>();
        groups.put(OPTIONS, leafGroup(OPTIONS, forest.options(), null));
        groups.put(EXT_PARAM, leafGroup(EXT_PARAM, forest.extParams(), forest.labels()));
        int width = Integer.toString(Math.max(0, forest.treeCount() - 1)).length();
        for (int t = 0; t < forest.treeCount(); t++) {
            String treeName = "Tree_" + "0".repeat(width - Integer.toString(t).length()) + t;
            VigraTree tree = forest.trees().get(t);
            Map<String, Object> data = new TreeMap<>();
            data.put("parameters", tree.parameters().clone());
            data.put("topology", tree.topology().clone());
            groups.put(treeName, new StoredGroup(treeName, Map.of(), Collections.unmodifiableMap(data), Map.of()));
        }
        return new StoredGroup(name, Collections.unmodifiableMap(attrs), Map.of(),
                Collections.unmodifiableMap(groups));
    }

    /**
     * Checks that every node reachable from the root is a threshold split or a constant-probability leaf whose
     * addresses lie inside the arrays; returns what is wrong, or null.
     */
    static String checkTree(VigraTree tree, int columns, int classes) {
        int[] top = tree.topology();
        double[] par = tree.parameters();
        if (top.length < VigraTree.ROOT + 2) {
            return "has an empty topology";
        }
        List<Integer> stack = new ArrayList<>(List.of(VigraTree.ROOT));
        int visited = 0;
        while (!stack.isEmpty()) {
            int n = stack.removeLast();
            if (++visited > top.length) {
                return "has a cycle";
            }
            if (n < VigraTree.ROOT || n + 1 >= top.length) {
                return "points to node " + n + " outside its topology";
            }
            int type = top[n];
            int p = top[n + 1];
            if (type == VigraTree.THRESHOLD_SPLIT) {
                if (n + 4 >= top.length || p < 0 || p + 1 >= par.length) {
                    return "has a split node at " + n + " outside its arrays";
                }
                if (top[n + 4] < 0 || top[n + 4] >= columns) {
                    return "splits on feature " + top[n + 4] + " of " + columns;
                }
                stack.add(top[n + 2]);
                stack.add(top[n + 3]);
            } else if (type == VigraTree.CONSTANT_LEAF) {
                if (p < 0 || p + classes >= par.length) {
                    return "has a leaf at " + n + " outside its parameters";
                }
            } else {
                return "uses node type " + type + ", which jilastik does not support";
            }
        }
        return null;
    }

    private static StoredGroup leafGroup(String name, Map<String, double[]> entries, long[] labels) {
        Map<String, Object> data = new TreeMap<>();
        entries.forEach((k, v) -> data.put(k, v.clone()));
        if (labels != null) {
            data.put(LABELS, labels.clone());
        }
        return new StoredGroup(name, Map.of(), Collections.unmodifiableMap(data), Map.of());
    }

    private static SortedMap<String, double[]> numericEntries(StoredGroup g, String where, String skip) {
        SortedMap<String, double[]> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : g.datasets().entrySet()) {
            if (e.getKey().equals(skip)) {
                continue;
            }
            double[] v = StoredValues.doubles(e.getValue());
            if (v == null) {
                throw damaged(where, g.name() + "/" + e.getKey() + " is not numeric");
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    private static int positiveInt(Map<String, double[]> entries, String key, String where) {
        double[] v = entries.get(key);
        if (v == null || v.length != 1 || !(v[0] >= 1) || v[0] != Math.rint(v[0]) || v[0] > Integer.MAX_VALUE) {
            throw damaged(where, key + " is missing or not a positive whole number");
        }
        return (int) v[0];
    }

    static JilastikException damaged(String where, String detail) {
        return JilastikException.processing("the classifier forest " + where + " in the project cannot be read ("
                + detail + "); retrain the classifier in ilastik or with `jilastik --retrain`");
    }
}
