package org.jilastik.project.pickle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jilastik.error.JilastikException;

/**
 * Decodes a Python pickle (protocols 0–5) into plain data, never running anything it names: a data-only pickle
 * machine. Values decode as {@code null}, {@link Boolean}, {@link Long} (or {@link BigInteger} when too large),
 * {@link Double}, {@link String}, {@code byte[]}, {@link ArrayList} (list), {@link PyTuple}, {@link LinkedHashMap}
 * (dict), {@link LinkedHashSet} (set, frozenset), and {@link PyObject} — an inert record of a class instance.
 *
 * <p>{@code GLOBAL}/{@code STACK_GLOBAL}/{@code INST} look the name up on {@link PickleGlobals}; any other name
 * ends decoding with an error naming it, before anything else happens. {@code REDUCE}/{@code NEWOBJ} on an allowed
 * name make a {@link PyObject} holding the arguments; {@code BUILD} stores the state in it. A few builtins are
 * turned into the data they describe ({@code set}, {@code frozenset}, {@code bytearray}, {@code _codecs.encode}
 * of a latin-1 string, {@code copyreg._reconstructor}, numpy scalars). Persistent ids, the extension registry
 * and out-of-band buffers are refused. Numpy arrays and dtypes stay {@link PyObject} records; {@link Numpy}
 * reads them.
 *
 * <p>One decoder decodes one stream; not thread safe. Use {@link #decode(byte[], String)}.
 */
public final class PickleDecoder {
    private static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "MARK";
        }
    };

    private final byte[] in;
    private final String what;
    private int pos;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private PickleDecoder(byte[] in, String what) {
        this.in = in;
        this.what = what;
    }

    /**
     * Decodes one pickle.
     *
     * @param pickle the pickle's bytes (not modified)
     * @param what   names the pickle in error messages, e.g. {@code "/Counting/CountingWrappers/wrapper0003 of
     *               a.ilp"}
     * @return the decoded value
     * @throws JilastikException (processing) if the stream is malformed or names a callable outside the allow-list
     */
    public static Object decode(byte[] pickle, String what) {
        try {
            return new PickleDecoder(pickle, what).run();
        } catch (IndexOutOfBoundsException | ClassCastException | IllegalStateException
                 | NumberFormatException e) {
            throw JilastikException.processing(what + " is not a valid Python pickle (" + e.getMessage()
                    + "); save the project again in ilastik", e);
        }
    }

    private Object run() {
        while (true) {
            int op = u8();
            switch (op) {
                case 0x80 -> u8(); // PROTO: any version is read the same way
                case 0x95 -> u64(); // FRAME: frames are only a read-ahead hint
                case '(' -> {
                    marks.push(stack.size());
                }
                case '.' -> {
                    return pop();
                }
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> stack.add(peek());
                case 'N' -> stack.add(null);
                case 0x88 -> stack.add(Boolean.TRUE);
                case 0x89 -> stack.add(Boolean.FALSE);
                case 'K' -> stack.add((long) u8());
                case 'M' -> stack.add((long) (u8() | (u8() << 8)));
                case 'J' -> stack.add((long) i32());
                case 0x8a -> stack.add(longValue(bytes(u8())));
                case 0x8b -> stack.add(longValue(bytes(length(i32()))));
                case 'I' -> stack.add(textInt(line()));
                case 'L' -> stack.add(narrow(new BigInteger(stripSuffix(line(), "L"))));
                case 'F' -> stack.add(Double.parseDouble(line()));
                case 'G' -> stack.add(Double.longBitsToDouble(be64()));
                case 'S' -> stack.add(PyText.unquote(line()));
                case 'T' -> stack.add(new String(bytes(length(i32())), StandardCharsets.ISO_8859_1));
                case 'U' -> stack.add(new String(bytes(u8()), StandardCharsets.ISO_8859_1));
                case 'V' -> stack.add(PyText.rawUnicodeEscape(line()));
                case 'X' -> stack.add(utf8(length(i32())));
                case 0x8c -> stack.add(utf8(u8()));
                case 0x8d -> stack.add(utf8(length(u64())));
                case 'B' -> stack.add(bytes(length(i32())));
                case 'C' -> stack.add(bytes(u8()));
                case 0x8e, 0x96 -> stack.add(bytes(length(u64())));
                case 0x97, 0x98 -> throw fail("uses out-of-band buffers, which a stored project cannot carry");
                case ')' -> stack.add(new PyTuple(List.of()));
                case 0x85 -> stack.add(tuple(1));
                case 0x86 -> stack.add(tuple(2));
                case 0x87 -> stack.add(tuple(3));
                case 't' -> stack.add(new PyTuple(Collections.unmodifiableList(popMark())));
                case ']' -> stack.add(new ArrayList<>());
                case 'l' -> stack.add(new ArrayList<>(popMark()));
                case 'a' -> {
                    Object v = pop();
                    listAt().add(v);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    listAt().addAll(items);
                }
                case '}' -> stack.add(new LinkedHashMap<>());
                case 'd' -> {
                    Map<Object, Object> m = new LinkedHashMap<>();
                    putPairs(m, popMark());
                    stack.add(m);
                }
                case 's' -> {
                    Object v = pop();
                    Object k = pop();
                    dictAt().put(k, v);
                }
                case 'u' -> {
                    List<Object> items = popMark();
                    putPairs(dictAt(), items);
                }
                case 0x8f -> stack.add(new LinkedHashSet<>());
                case 0x90 -> {
                    List<Object> items = popMark();
                    setAt().addAll(items);
                }
                case 0x91 -> stack.add(new LinkedHashSet<>(popMark()));
                case 'g' -> stack.add(memoGet(Long.parseLong(line())));
                case 'h' -> stack.add(memoGet(u8()));
                case 'j' -> stack.add(memoGet(Integer.toUnsignedLong(i32())));
                case 'p' -> memo.put(Long.parseLong(line()), peek());
                case 'q' -> memo.put((long) u8(), peek());
                case 'r' -> memo.put(Integer.toUnsignedLong(i32()), peek());
                case 0x94 -> memo.put((long) memo.size(), peek());
                case 'c' -> {
                    String module = line();
                    stack.add(global(module, line()));
                }
                case 0x93 -> {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw fail("names a global that is not a pair of strings");
                    }
                    stack.add(global(m, n));
                }
                case 'i' -> {
                    String module = line();
                    PyGlobal g = global(module, line());
                    stack.add(new PyObject(g, Collections.unmodifiableList(popMark())));
                }
                case 'o' -> {
                    List<Object> items = popMark();
                    stack.add(instantiate(items.getFirst(), items.subList(1, items.size())));
                }
                case 'R' -> {
                    Object args = pop();
                    Object callable = pop();
                    stack.add(reduce(callable, args));
                }
                case 0x81 -> {
                    Object args = pop();
                    Object cls = pop();
                    stack.add(instantiate(cls, tupleItems(args)));
                }
                case 0x92 -> {
                    pop(); // keyword arguments: recorded nowhere, nothing is called
                    Object args = pop();
                    Object cls = pop();
                    stack.add(instantiate(cls, tupleItems(args)));
                }
                case 'b' -> {
                    Object state = pop();
                    build(peek(), state);
                }
                case 'P', 'Q' -> throw fail("uses persistent ids, which jilastik does not resolve");
                case 0x82, 0x83, 0x84 -> throw fail("uses the copyreg extension registry, which jilastik does not"
                        + " resolve");
                default -> throw fail("holds the unknown opcode 0x" + Integer.toHexString(op) + " at byte "
                        + (pos - 1));
            }
        }
    }

    private PyGlobal global(String module, String name) {
        if (!PickleGlobals.allowed(module, name)) {
            throw JilastikException.processing(what + " names the Python callable " + module + "." + name
                    + ", which jilastik refuses to load (it reads only numpy, scikit-learn and ilastik model data);"
                    + " use a project saved by ilastik from a trusted source");
        }
        return new PyGlobal(module, name);
    }

    private Object instantiate(Object cls, List<Object> args) {
        if (!(cls instanceof PyGlobal g)) {
            throw fail("creates an object from " + describe(cls) + ", which is not a class");
        }
        return new PyObject(g, copy(args));
    }

    // Builtins that only describe data become that data; every other allowed name becomes an inert record.
    private Object reduce(Object callable, Object argsValue) {
        if (!(callable instanceof PyGlobal g)) {
            throw fail("calls " + describe(callable) + ", which is not a global name");
        }
        List<Object> args = tupleItems(argsValue);
        String n = g.qualifiedName();
        switch (n) {
            case "builtins.set", "__builtin__.set", "builtins.frozenset", "__builtin__.frozenset" -> {
                Set<Object> set = new LinkedHashSet<>();
                if (!args.isEmpty()) {
                    iterable(args.getFirst()).forEach(set::add);
                }
                return set;
            }
            case "builtins.bytearray", "__builtin__.bytearray" -> {
                return args.isEmpty() ? new byte[0] : args.getFirst() instanceof byte[] b ? b.clone()
                        : latin1(args.getFirst());
            }
            case "_codecs.encode" -> {
                String encoding = args.size() > 1 ? String.valueOf(args.get(1)) : "utf-8";
                if (!(args.getFirst() instanceof String s)) {
                    throw fail("encodes a value that is not text");
                }
                return switch (encoding.toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
                    case "latin1", "latin-1", "iso-8859-1" -> s.getBytes(StandardCharsets.ISO_8859_1);
                    case "utf-8", "utf8" -> s.getBytes(StandardCharsets.UTF_8);
                    default -> throw fail("encodes text as " + encoding + ", which jilastik does not decode");
                };
            }
            case "copyreg._reconstructor", "copy_reg._reconstructor" -> {
                if (args.isEmpty() || !(args.getFirst() instanceof PyGlobal cls)) {
                    throw fail("reconstructs an object without a class");
                }
                return new PyObject(cls, List.of());
            }
            case "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar" -> {
                return Numpy.scalar(args, what);
            }
            default -> {
                return new PyObject(g, copy(args));
            }
        }
    }

    private void build(Object target, Object state) {
        if (target instanceof PyObject o) {
            o.setState(state);
        } else {
            throw fail("sets the state of " + describe(target) + ", which is no object");
        }
    }

    // List.copyOf refuses nulls; Python arguments may be None
    private static List<Object> copy(List<Object> args) {
        return Collections.unmodifiableList(new ArrayList<>(args));
    }

    private List<Object> tupleItems(Object v) {
        if (v instanceof PyTuple t) {
            return t.items();
        }
        throw fail("passes arguments that are not a tuple");
    }

    private Iterable<?> iterable(Object v) {
        if (v instanceof PyTuple t) {
            return t.items();
        }
        if (v instanceof java.util.Collection<?> c) {
            return c;
        }
        throw fail("builds a set from " + describe(v));
    }

    private byte[] latin1(Object v) {
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        throw fail("builds a bytearray from " + describe(v));
    }

    private static String describe(Object v) {
        return v == null ? "None" : v instanceof PyObject o ? o.toString() : v.getClass().getSimpleName();
    }

    private PyTuple tuple(int n) {
        List<Object> items = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        if (items.contains(MARK)) {
            throw fail("is malformed (a tuple spans a mark)");
        }
        return new PyTuple(Collections.unmodifiableList(items));
    }

    private void putPairs(Map<Object, Object> m, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw fail("is malformed (a dict with an odd number of items)");
        }
        for (int i = 0; i < items.size(); i += 2) {
            m.put(items.get(i), items.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> listAt() {
        if (peek() instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw fail("appends to " + describe(peek()) + ", which is no list");
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictAt() {
        if (peek() instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw fail("sets an item of " + describe(peek()) + ", which is no dict");
    }

    @SuppressWarnings("unchecked")
    private Set<Object> setAt() {
        if (peek() instanceof Set<?> s) {
            return (Set<Object>) s;
        }
        throw fail("adds to " + describe(peek()) + ", which is no set");
    }

    private Object memoGet(long key) {
        if (!memo.containsKey(key)) {
            throw fail("refers to memo entry " + key + ", which was never stored");
        }
        return memo.get(key);
    }

    private Object pop() {
        if (stack.isEmpty() || stack.getLast() == MARK) {
            throw fail("is malformed (the stack runs empty)");
        }
        return stack.removeLast();
    }

    private Object peek() {
        if (stack.isEmpty()) {
            throw fail("is malformed (the stack runs empty)");
        }
        return stack.getLast();
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw fail("is malformed (no mark)");
        }
        int at = marks.pop();
        List<Object> items = new ArrayList<>(stack.subList(at, stack.size()));
        stack.subList(at, stack.size()).clear();
        return items;
    }

    private JilastikException fail(String why) {
        return JilastikException.processing(what + " " + why + "; save the project again in ilastik");
    }

    private int u8() {
        if (pos >= in.length) {
            throw fail("ends too early (no STOP opcode)");
        }
        return in[pos++] & 0xff;
    }

    private int i32() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= u8() << (8 * i);
        }
        return v;
    }

    private long u64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) u8() << (8 * i);
        }
        return v;
    }

    private long be64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | u8();
        }
        return v;
    }

    private int length(long n) {
        if (n < 0 || n > in.length - pos) {
            throw fail("ends too early (a value of " + n + " bytes at byte " + pos + ")");
        }
        return (int) n;
    }

    private byte[] bytes(int n) {
        length(n);
        byte[] b = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    private String utf8(int n) {
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    private String line() {
        int start = pos;
        while (pos < in.length && in[pos] != '\n') {
            pos++;
        }
        if (pos >= in.length) {
            throw fail("ends too early (an unterminated line)");
        }
        return new String(in, start, pos++ - start, StandardCharsets.ISO_8859_1);
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static Object textInt(String s) {
        return switch (s) {
            case "00" -> Boolean.FALSE;
            case "01" -> Boolean.TRUE;
            default -> narrow(new BigInteger(s));
        };
    }

    // LONG1/LONG4: little-endian two's complement
    private static Object longValue(byte[] le) {
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return narrow(new BigInteger(be));
    }

    private static Object narrow(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
