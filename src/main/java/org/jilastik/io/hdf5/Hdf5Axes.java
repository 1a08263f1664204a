package org.jilastik.io.hdf5;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.io.json.Json;

/**
 * Axis letters stored with an HDF5 or N5 dataset, read the way ilastik reads them (spec cli-and-io §2.4):
 * first the vigra {@code axistags} JSON (C-order keys) unless it contains a {@code ?} key, then an {@code axes}
 * attribute in the N5/Neuroglancer convention (fastest axis first, so reversed, lower-cased). Stateless.
 */
public final class Hdf5Axes {
    private Hdf5Axes() {
    }

    /**
     * The axes named by a vigra {@code axistags} JSON string, or null if it is unusable (unparsable, a
     * {@code ?} or unknown key, a repeated key, or a count other than {@code ndim}).
     */
    public static Axes fromAxistags(String json, int ndim) {
        if (json == null) {
            return null;
        }
        try {
            Object axes = Json.parseObject(json).get("axes");
            if (!(axes instanceof List<?> list)) {
                return null;
            }
            StringBuilder letters = new StringBuilder();
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m) || !(m.get("key") instanceof String key) || key.length() != 1) {
                    return null;
                }
                letters.append(key);
            }
            return checked(letters.toString(), ndim);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The axes named by an N5-style {@code axes} attribute (a string such as {@code "xyz"} or an array of
     * one-letter strings, fastest axis first), reversed into C-order and lower-cased; null if unusable.
     */
    public static Axes fromN5Axes(Object attribute, int ndim) {
        StringBuilder letters = new StringBuilder();
        if (attribute instanceof String s) {
            letters.append(s);
        } else if (attribute instanceof String[] arr) {
            for (String a : arr) {
                letters.append(a);
            }
        } else if (attribute instanceof List<?> list) {
            for (Object a : list) {
                letters.append(a);
            }
        } else {
            return null;
        }
        return checked(letters.reverse().toString().toLowerCase(Locale.ROOT), ndim);
    }

    private static Axes checked(String letters, int ndim) {
        if (letters.length() != ndim || letters.indexOf('?') >= 0) {
            return null;
        }
        try {
            return Axes.of(letters);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
