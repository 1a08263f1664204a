package org.jilastik.project.pickle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;

/**
 * Reads numpy arrays, dtypes and scalars out of the inert records {@link PickleDecoder} builds, following numpy's
 * pickle forms: {@code _reconstruct(ndarray, (0,), b'b')} + state {@code (version, shape, dtype, is_fortran,
 * raw_bytes)}, protocol 5's {@code _frombuffer(bytes, dtype, shape, order)}, {@code dtype(code, False, True)} +
 * state {@code (version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata])}, and
 * {@code scalar(dtype, raw_bytes)}. Stateless, thread safe.
 */
public final class Numpy {
    private Numpy() {
    }

    /**
     * The array a decoded value describes.
     *
     * @param what names the value in error messages
     * @throws JilastikException (processing) if {@code value} is no numeric numpy array
     */
    public static NdArray array(Object value, String what) {
        if (value instanceof PyObject o && o.is("_reconstruct", "numpy.core.multiarray", "numpy._core.multiarray")) {
            if (!(o.state() instanceof PyTuple s) || s.size() < 4) {
                throw bad(what, "an array without its data");
            }
            int k = s.size() == 5 ? 1 : 0; // the version is absent in very old pickles
            long[] shape = shape(s.get(k), what);
            NumpyDtype dtype = dtype(s.get(k + 1), what);
            boolean fortran = Boolean.TRUE.equals(s.get(k + 2));
            return checked(new NdArray(dtype, shape, fortran, raw(s.get(k + 3), what)), what);
        }
        if (value instanceof PyObject o && o.is("_frombuffer", "numpy.core.numeric", "numpy._core.numeric")
                && o.args().size() >= 4) {
            return checked(new NdArray(dtype(o.args().get(1), what), shape(o.args().get(2), what),
                    "F".equals(o.args().get(3)), raw(o.args().get(0), what)), what);
        }
        throw bad(what, "no numpy array but " + (value == null ? "None" : value));
    }

    /**
     * The dtype a decoded {@code numpy.dtype} record describes.
     *
     * @throws JilastikException (processing) if {@code value} is no dtype
     */
    public static NumpyDtype dtype(Object value, String what) {
        if (!(value instanceof PyObject o) || !o.is("dtype", "numpy") || o.args().isEmpty()
                || !(o.args().getFirst() instanceof String code) || code.isEmpty()) {
            throw bad(what, "an array whose dtype is unreadable");
        }
        char kind = code.charAt(0);
        int size = code.length() > 1 && code.substring(1).chars().allMatch(Character::isDigit)
                ? Integer.parseInt(code.substring(1)) : 0;
        boolean bigEndian = false;
        List<String> names = List.of();
        Map<String, NumpyDtype.Field> fields = Map.of();
        if (o.state() instanceof PyTuple s && s.size() >= 6) {
            bigEndian = ">".equals(s.get(1));
            if (s.get(5) instanceof Long elsize && elsize > 0) {
                size = Math.toIntExact(elsize);
            }
            if (s.get(3) instanceof PyTuple n && s.get(4) instanceof Map<?, ?> f) {
                List<String> ns = new ArrayList<>();
                Map<String, NumpyDtype.Field> fs = new LinkedHashMap<>();
                for (Object name : n.items()) {
                    if (!(name instanceof String nm) || !(f.get(nm) instanceof PyTuple spec) || spec.size() < 2
                            || !(spec.get(1) instanceof Long offset)) {
                        throw bad(what, "a record dtype with an unreadable field");
                    }
                    ns.add(nm);
                    fs.put(nm, new NumpyDtype.Field(dtype(spec.get(0), what), Math.toIntExact(offset)));
                }
                names = Collections.unmodifiableList(ns);
                fields = Collections.unmodifiableMap(fs);
            }
        }
        if (size <= 0) {
            throw bad(what, "a dtype of unknown size (" + code + ")");
        }
        return new NumpyDtype(kind, size, bigEndian, names, fields);
    }

    /** The value of {@code numpy.core.multiarray.scalar(dtype, raw)}: a Double, Long or Boolean. */
    static Object scalar(List<Object> args, String what) {
        if (args.size() < 2) {
            throw bad(what, "a numpy scalar without its value");
        }
        NumpyDtype t = dtype(args.get(0), what);
        NdArray one = checked(new NdArray(t, new long[0], false, raw(args.get(1), what)), what);
        return switch (t.kind()) {
            case 'f' -> one.getDouble(0);
            case 'i', 'u' -> one.getLong(0);
            case 'b' -> one.getLong(0) != 0;
            default -> throw bad(what, "a numpy scalar of dtype " + t.code());
        };
    }

    private static long[] shape(Object v, String what) {
        if (v instanceof PyTuple t) {
            long[] s = new long[t.size()];
            for (int i = 0; i < s.length; i++) {
                if (!(t.get(i) instanceof Long n) || n < 0) {
                    throw bad(what, "an array with an unreadable shape");
                }
                s[i] = n;
            }
            return s;
        }
        throw bad(what, "an array with an unreadable shape");
    }

    private static byte[] raw(Object v, String what) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) { // Python 2 str
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        throw bad(what, "an array of Python objects, which jilastik does not read");
    }

    private static NdArray checked(NdArray a, String what) {
        if ((long) a.size() * a.dtype().itemSize() != a.data().length) {
            throw bad(what, "an array whose data (" + a.data().length + " bytes) does not fit its shape");
        }
        return a;
    }

    private static JilastikException bad(String what, String found) {
        return JilastikException.processing(what + " holds " + found + "; save the project again in ilastik");
    }
}
