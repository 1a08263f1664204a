package org.jilastik.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ilastik version string parsed and ordered with PEP 440 semantics, e.g. {@code 1.2.0rc10},
 * {@code 1.3.3post1}, {@code 1.4.0b11}, {@code 1.4.1b23.dev15+g371f955df.d20241210}.
 *
 * <p>Ordering (PEP 440): release numbers compared numerically (missing trailing parts are 0); a version with only
 * a {@code .dev} part sorts before its pre-releases; pre-releases {@code a < b < rc} sort before the release;
 * {@code .post} sorts after it; {@code .dev} sorts before the same version without it; a {@code +local} label
 * sorts after the same version without one (numeric local parts above alphanumeric ones). Epochs
 * ({@code 1!}) are honoured. Immutable and thread safe.
 */
public final class IlastikVersion implements Comparable<IlastikVersion> {
    private static final Pattern PEP440 = Pattern.compile(
            "v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
                    + "(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\\d*))?"
                    + "(?:(?:-(\\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\\d*)))?"
                    + "(?:[-_.]?(dev)[-_.]?(\\d*))?"
                    + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    private final String text;
    private final long epoch;
    private final long[] release;
    /** 0 = a, 1 = b, 2 = rc; -1 = none. */
    private final int preKind;
    private final long preNumber;
    /** -1 = no post release. */
    private final long post;
    /** -1 = no dev release. */
    private final long dev;
    private final List<String> local;

    private IlastikVersion(String text, long epoch, long[] release, int preKind, long preNumber, long post, long dev,
                           List<String> local) {
        this.text = text;
        this.epoch = epoch;
        this.release = release;
        this.preKind = preKind;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    /**
     * Parses a version string (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException if it is not a PEP 440 version
     */
    public static IlastikVersion parse(String version) {
        String t = version.trim();
        Matcher m = PEP440.matcher(t.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + version + "\" is not a PEP 440 version");
        }
        long epoch = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long[] release = Arrays.stream(m.group(2).split("\\.")).mapToLong(Long::parseLong).toArray();
        int preKind = -1;
        long preNumber = 0;
        if (m.group(3) != null) {
            preKind = switch (m.group(3)) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2;
            };
            preNumber = numberOrZero(m.group(4));
        }
        long post = -1;
        if (m.group(5) != null) {
            post = Long.parseLong(m.group(5));
        } else if (m.group(6) != null) {
            post = numberOrZero(m.group(7));
        }
        long dev = m.group(8) == null ? -1 : numberOrZero(m.group(9));
        List<String> local = m.group(10) == null ? List.of() : List.of(m.group(10).split("[-_.]"));
        return new IlastikVersion(t, epoch, release, preKind, preNumber, post, dev, local);
    }

    private static long numberOrZero(String s) {
        return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
    }

    /** Whether this version is older than {@code other} (PEP 440 order). */
    public boolean isBefore(IlastikVersion other) {
        return compareTo(other) < 0;
    }

    /** Whether this version is older than the version string {@code other}. */
    public boolean isBefore(String other) {
        return isBefore(parse(other));
    }

    /** Whether this version is {@code other} or newer. */
    public boolean isAtLeast(String other) {
        return !isBefore(other);
    }

    /** The release numbers, e.g. {@code [1, 4, 0]} for {@code 1.4.0b11} (a copy). */
    public long[] release() {
        return release.clone();
    }

    /** The first release number ({@code 1} for every supported project). */
    public long major() {
        return release[0];
    }

    /** Whether this is a pre-release ({@code a}, {@code b}, {@code rc}) or a development release. */
    public boolean isPreRelease() {
        return preKind >= 0 || dev >= 0;
    }

    /** The local label after {@code +}, or {@code ""}. */
    public String local() {
        return String.join(".", local);
    }

    @Override
    public int compareTo(IlastikVersion o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        int n = Math.max(release.length, o.release.length);
        for (int i = 0; i < n; i++) {
            c = Long.compare(i < release.length ? release[i] : 0, i < o.release.length ? o.release[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        c = Double.compare(preKey(), o.preKey());
        if (c != 0) {
            return c;
        }
        c = Long.compare(post, o.post); // -1 (none) sorts first
        if (c != 0) {
            return c;
        }
        c = Long.compare(dev < 0 ? Long.MAX_VALUE : dev, o.dev < 0 ? Long.MAX_VALUE : o.dev);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** Pre-release sort key: dev-only releases lowest, then a, b, rc by number, then final releases. */
    private double preKey() {
        if (preKind < 0) {
            return post < 0 && dev >= 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return preKind * 1e12 + preNumber;
    }

    private static int compareLocal(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = x.chars().allMatch(Character::isDigit);
            boolean yn = y.chars().allMatch(Character::isDigit);
            int c;
            if (xn && yn) {
                c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
            } else if (xn != yn) {
                c = xn ? 1 : -1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IlastikVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<Long> r = new ArrayList<>();
        for (long x : release) {
            r.add(x);
        }
        while (r.size() > 1 && r.getLast() == 0) {
            r.removeLast();
        }
        return java.util.Objects.hash(epoch, r, preKind, preNumber, post, dev, local);
    }

    /** The version string as stored. */
    @Override
    public String toString() {
        return text;
    }
}
