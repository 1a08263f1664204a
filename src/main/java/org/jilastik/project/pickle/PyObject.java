package org.jilastik.project.pickle;

import java.util.List;
import java.util.Map;

/**
 * An inert record of a Python object a pickle describes: the allow-listed class it names, the arguments the
 * pickle would have passed to it ({@code REDUCE}/{@code NEWOBJ}), and the state it would have set ({@code BUILD}).
 * Nothing of the class is run. The decoder sets the state once while decoding; afterwards treat it as read-only.
 * Not thread safe while being decoded; safe to share after {@link PickleDecoder#decode} returns.
 */
public final class PyObject {
    private final PyGlobal type;
    private final List<Object> args;
    private Object state;

    PyObject(PyGlobal type, List<Object> args) {
        this.type = type;
        this.args = args;
    }

    /** The class or callable the pickle names. */
    public PyGlobal type() {
        return type;
    }

    /** The arguments the pickle gives it (unmodifiable). */
    public List<Object> args() {
        return args;
    }

    /** The state set by {@code BUILD}: usually a {@link Map} of attributes, or a {@link PyTuple}; null if none. */
    public Object state() {
        return state;
    }

    void setState(Object state) {
        this.state = state;
    }

    /** Whether this record is of class {@code name} in any of {@code modules}. */
    public boolean is(String name, String... modules) {
        if (!type.name().equals(name)) {
            return false;
        }
        for (String m : modules) {
            if (type.module().equals(m)) {
                return true;
            }
        }
        return modules.length == 0;
    }

    /**
     * Attribute {@code name} of the dict state, or null when the state is no dict or lacks it. A state
     * {@code (dict, slots)} counts as its dict.
     */
    public Object attr(String name) {
        Object s = state;
        if (s instanceof PyTuple t && t.size() == 2 && t.get(0) instanceof Map<?, ?>) {
            s = t.get(0);
        }
        return s instanceof Map<?, ?> m ? m.get(name) : null;
    }

    @Override
    public String toString() {
        return "<" + type.qualifiedName() + " object>";
    }
}
