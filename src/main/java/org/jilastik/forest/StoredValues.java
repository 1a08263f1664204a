package org.jilastik.forest;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts values of a {@link org.jilastik.project.StoredGroup} (what the HDF5 reader gives: primitive arrays of
 * any rank, boxed scalars, strings) into flat arrays of the type a codec needs. Stateless, thread safe.
 */
final class StoredValues {
    private StoredValues() {
    }

    /** All elements of a numeric scalar or array of any rank, in C order, as doubles; null if not numeric. */
    static double[] doubles(Object value) {
        List<Number> numbers = new ArrayList<>();
        if (!collect(value, numbers)) {
            return null;
        }
        double[] out = new double[numbers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = numbers.get(i).doubleValue();
        }
        return out;
    }

    /** All elements of an integer scalar or array as longs (floats must be integral); null if not numeric. */
    static long[] longs(Object value) {
        if (value instanceof long[] l) {
            return l.clone();
        }
        if (value instanceof int[] i) {
            long[] out = new long[i.length];
            for (int k = 0; k < i.length; k++) {
                out[k] = i[k];
            }
            return out;
        }
        List<Number> numbers = new ArrayList<>();
        if (!collect(value, numbers)) {
            return null;
        }
        long[] out = new long[numbers.size()];
        for (int k = 0; k < out.length; k++) {
            Number n = numbers.get(k);
            double d = n.doubleValue();
            if ((n instanceof Double || n instanceof Float) && d != Math.rint(d)) {
                return null;
            }
            out[k] = n.longValue();
        }
        return out;
    }

    /** All elements of an int32 array (any rank) as ints; null if not an integer array. */
    static int[] ints(Object value) {
        if (value instanceof int[] i) {
            return i;
        }
        long[] l = longs(value);
        if (l == null) {
            return null;
        }
        int[] out = new int[l.length];
        for (int k = 0; k < l.length; k++) {
            if (l[k] != (int) l[k]) {
                return null;
            }
            out[k] = (int) l[k];
        }
        return out;
    }

    /** A string scalar, a one-element string array, or null. */
    static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof String[] a && a.length == 1) {
            return a[0];
        }
        return null;
    }

    /** The elements of a string array (any rank) in C order, or null when not strings. */
    static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value == null || !value.getClass().isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Array.getLength(value); i++) {
            Object e = Array.get(value, i);
            if (e instanceof String s) {
                out.add(s);
            } else {
                List<String> inner = strings(e);
                if (inner == null) {
                    return null;
                }
                out.addAll(inner);
            }
        }
        return out;
    }

    private static boolean collect(Object value, List<Number> out) {
        if (value instanceof Number n) {
            out.add(n);
            return true;
        }
        if (value instanceof Boolean b) {
            out.add(b ? 1 : 0);
            return true;
        }
        if (value == null || !value.getClass().isArray()) {
            return false;
        }
        int n = Array.getLength(value);
        for (int i = 0; i < n; i++) {
            if (!collect(Array.get(value, i), out)) {
                return false;
            }
        }
        return true;
    }
}
