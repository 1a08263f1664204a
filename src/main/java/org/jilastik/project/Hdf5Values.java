package org.jilastik.project;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tolerant reads of the small datasets and attributes of an {@code .ilp}: strings stored as vlen bytes, vlen
 * str, fixed {@code |S<n>} or numbers; booleans stored as h5py's {@code TRUE/FALSE} enum, integers or bools;
 * numbers of any width (jhdf widens unsigned types). Every method returns {@code null} for a missing child.
 *
 * <p>Stateless; thread safe as far as jhdf reads are.
 */
final class Hdf5Values {
    private Hdf5Values() {
    }

    /** The child {@code name} of {@code group}, or null. */
    static Node child(Group group, String name) {
        return group == null ? null : Hdf5Children.of(group).get(name);
    }

    /** The subgroup {@code name}, or null if absent or not a group. */
    static Group group(Group group, String name) {
        return child(group, name) instanceof Group g ? g : null;
    }

    /** The dataset {@code name}, or null if absent or not a dataset. */
    static Dataset dataset(Group group, String name) {
        return child(group, name) instanceof Dataset d ? d : null;
    }

    /** {@code parent + "/" + name} without doubled slashes. */
    static String join(String parent, String name) {
        return parent.endsWith("/") ? parent + name : parent + "/" + name;
    }

    /** The string in dataset {@code name} (first element of an array), or null. */
    static String string(Group group, String name) {
        Dataset d = dataset(group, name);
        if (d == null) {
            return null;
        }
        List<String> all = strings(d);
        return all.isEmpty() ? null : all.getFirst();
    }

    /** All strings of dataset {@code name} in C-order, or null if absent. */
    static List<String> strings(Group group, String name) {
        Dataset d = dataset(group, name);
        return d == null ? null : strings(d);
    }

    /** All strings of {@code d} in C-order; numbers are formatted, non-ASCII bytes decoded as UTF-8. */
    static List<String> strings(Dataset d) {
        if (d.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : flatten(d.getData())) {
            out.add(asString(o));
        }
        if (out.stream().anyMatch(s -> s.indexOf('\uFFFD') >= 0)) {
            List<String> utf8 = Utf8Strings.read(d);
            if (utf8 != null && utf8.size() == out.size()) {
                return utf8;
            }
        }
        return out;
    }

    /** The string value of attribute {@code name} of {@code node}, or null. */
    static String stringAttribute(Node node, String name) {
        Attribute a = node.getAttributes().get(name);
        if (a == null || a.isEmpty()) {
            return null;
        }
        List<Object> all = flatten(a.getData());
        return all.isEmpty() ? null : asString(all.getFirst());
    }

    /** The boolean in dataset {@code name}, or null. */
    static Boolean bool(Group group, String name) {
        Dataset d = dataset(group, name);
        if (d == null || d.isEmpty()) {
            return null;
        }
        List<Object> all = flatten(d.getData());
        return all.isEmpty() ? null : asBoolean(all.getFirst());
    }

    /** All booleans of dataset {@code name} in C-order, or null. */
    static boolean[] booleans(Group group, String name) {
        Dataset d = dataset(group, name);
        if (d == null) {
            return null;
        }
        List<Object> all = d.isEmpty() ? List.of() : flatten(d.getData());
        boolean[] out = new boolean[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asBoolean(all.get(i));
        }
        return out;
    }

    /** All numbers of dataset {@code name} in C-order as doubles, or null. */
    static double[] doubles(Group group, String name) {
        Dataset d = dataset(group, name);
        return d == null ? null : doubles(d.isEmpty() ? null : d.getData());
    }

    /** All numbers of a value read by jhdf (scalar or array of any rank) as doubles. */
    static double[] doubles(Object data) {
        if (data == null) {
            return new double[0];
        }
        List<Object> all = flatten(data);
        double[] out = new double[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asNumber(all.get(i)).doubleValue();
        }
        return out;
    }

    /** All numbers of dataset {@code name} in C-order as longs, or null. */
    static long[] longs(Group group, String name) {
        Dataset d = dataset(group, name);
        return d == null ? null : longs(d.isEmpty() ? null : d.getData());
    }

    /** All numbers of a value read by jhdf as longs (fractions truncated). */
    static long[] longs(Object data) {
        if (data == null) {
            return new long[0];
        }
        List<Object> all = flatten(data);
        long[] out = new long[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asNumber(all.get(i)).longValue();
        }
        return out;
    }

    /** The single number in dataset {@code name}, or null. */
    static Double number(Group group, String name) {
        double[] v = doubles(group, name);
        return v == null || v.length == 0 ? null : v[0];
    }

    /** Whether attribute {@code isEmpty} of {@code node} says the dataset holds only a placeholder. */
    static boolean markedEmpty(Node node) {
        String v = stringAttribute(node, "isEmpty");
        return v != null && asBoolean(v);
    }

    /** The leaves of a (possibly nested) array in C-order, or the value itself as a one-element list. */
    static List<Object> flatten(Object data) {
        List<Object> out = new ArrayList<>();
        flattenInto(data, out);
        return out;
    }

    private static void flattenInto(Object data, List<Object> out) {
        if (data != null && data.getClass().isArray()) {
            int n = Array.getLength(data);
            for (int i = 0; i < n; i++) {
                flattenInto(Array.get(data, i), out);
            }
        } else {
            out.add(data);
        }
    }

    /** A stored value as text: strings as they are, bytes as UTF-8, integral numbers without ".0". */
    static String asString(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (o instanceof Double || o instanceof Float) {
            double v = ((Number) o).doubleValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return o.toString();
    }

    /** A stored value as a boolean: {@code TRUE}/{@code true}/{@code 1} and non-zero numbers are true. */
    static boolean asBoolean(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof Number n) {
            return n.doubleValue() != 0;
        }
        String s = asString(o).trim().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("1") || s.equals("yes");
    }

    private static Number asNumber(Object o) {
        if (o instanceof Number n) {
            return n;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String s = asString(o).trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return s.equalsIgnoreCase("true") ? 1 : 0;
        }
        return Double.parseDouble(s);
    }
}
