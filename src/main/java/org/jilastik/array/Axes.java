package org.jilastik.array;

import java.util.Arrays;

/**
 * An ordered set of axis letters in C-order (slowest axis first), each one of {@code t z y x c}.
 *
 * <p>Immutable and thread safe. {@code Axes.of("zyxc")} means a 4-D array whose last index (channel)
 * varies fastest, as in numpy and HDF5.
 */
public final class Axes {
    /** All axis letters jilastik knows, in ilastik's canonical order. */
    public static final String ALL = "tzyxc";

    private final String letters;

    private Axes(String letters) {
        this.letters = letters;
    }

    /**
     * Parses axis letters; case-insensitive.
     *
     * @throws IllegalArgumentException if a letter is not one of {@code tzyxc} or appears twice
     */
    public static Axes of(String letters) {
        String l = letters.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (ALL.indexOf(c) < 0) {
                throw new IllegalArgumentException("axis letter '" + c + "' in \"" + letters
                        + "\" is not one of t, z, y, x, c");
            }
            if (l.indexOf(c) != i) {
                throw new IllegalArgumentException("axis letter '" + c + "' appears twice in \"" + letters + "\"");
            }
        }
        return new Axes(l);
    }

    /** Number of axes. */
    public int size() {
        return letters.length();
    }

    /** The letter at position {@code i} (0 = slowest). */
    public char get(int i) {
        return letters.charAt(i);
    }

    /** Position of {@code axis}, or -1 if absent. */
    public int indexOf(char axis) {
        return letters.indexOf(axis);
    }

    /** Whether {@code axis} is present. */
    public boolean has(char axis) {
        return letters.indexOf(axis) >= 0;
    }

    /** These axes with {@code axis} appended last (returns this if already present). */
    public Axes append(char axis) {
        return has(axis) ? this : of(letters + axis);
    }

    /** These axes without {@code axis} (returns this if absent). */
    public Axes remove(char axis) {
        int i = indexOf(axis);
        return i < 0 ? this : new Axes(letters.substring(0, i) + letters.substring(i + 1));
    }

    /** The axes in reverse order (N5's fastest-first convention). */
    public Axes reversed() {
        return new Axes(new StringBuilder(letters).reverse().toString());
    }

    /** Whether both contain the same letters, in any order. */
    public boolean sameSet(Axes other) {
        char[] a = letters.toCharArray();
        char[] b = other.letters.toCharArray();
        Arrays.sort(a);
        Arrays.sort(b);
        return Arrays.equals(a, b);
    }

    /** The letters, e.g. {@code "zyxc"}. */
    public String letters() {
        return letters;
    }

    @Override
    public String toString() {
        return letters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Axes a && a.letters.equals(letters);
    }

    @Override
    public int hashCode() {
        return letters.hashCode();
    }
}
