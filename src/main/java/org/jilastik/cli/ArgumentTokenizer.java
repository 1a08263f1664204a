package org.jilastik.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jilastik.error.JilastikException;

/**
 * Splits argv into flag occurrences and positional inputs, with ilastik's value syntax and jilastik's fixes.
 *
 * <ul>
 *   <li>{@code --name=value} and {@code --name value}; {@code -} and {@code _} are interchangeable in every name;
 *       unambiguous prefixes are accepted (see {@link FlagTable#resolve}).</li>
 *   <li>A one-value flag takes the next token unless it looks like an option (starts with {@code -} and is not
 *       a negative number, as argparse).</li>
 *   <li>{@code --readonly} takes the next token only when it is a boolean word, so {@code --readonly in.png}
 *       keeps the path (ilastik would eat it).</li>
 *   <li>Role flags take every following token up to the next option; {@code --raw_data=a.png b.png} continues
 *       after the inline value too (what a shell glob after {@code =} expands to).</li>
 *   <li>Positional inputs may stand anywhere, also between options; after {@code --} everything is positional.</li>
 *   <li>An unknown option is an error naming the closest flag; its value is never taken for a path.</li>
 * </ul>
 *
 * <p>Stateless; thread safe.
 */
public final class ArgumentTokenizer {
    /** argparse's negative-number pattern: such tokens are values, not options. */
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("^-\\d+$|^-\\d*\\.\\d+$");

    /** configparser's boolean words (compared lower-cased). */
    static final Set<String> BOOLEAN_WORDS = Set.of("1", "yes", "true", "on", "0", "no", "false", "off");

    /**
     * One flag as it appeared.
     *
     * @param flag   the resolved flag
     * @param typed  the name as typed, with {@code --} (for messages)
     * @param values the values: none, one, or (role flags) one or more; for an optional boolean given alone, none
     */
    public record Occurrence(FlagSpec flag, String typed, List<String> values) {
        /** The single value of a one-value flag. */
        public String value() {
            return values.get(0);
        }
    }

    /**
     * The tokenized command line.
     *
     * @param options     flag occurrences in order
     * @param positionals bare tokens in order
     */
    public record Tokens(List<Occurrence> options, List<String> positionals) {
        /** Whether a flag with this canonical name occurred. */
        public boolean has(String canonicalName) {
            return options.stream().anyMatch(o -> o.flag().name().equals(canonicalName));
        }

        /** The last value of a one-value flag, or {@code null}. */
        public String last(String canonicalName) {
            String v = null;
            for (Occurrence o : options) {
                if (o.flag().name().equals(canonicalName) && !o.values().isEmpty()) {
                    v = o.values().get(0);
                }
            }
            return v;
        }
    }

    private ArgumentTokenizer() {
    }

    /**
     * Tokenizes strictly.
     *
     * @throws JilastikException (usage) for unknown or ambiguous options, a missing value, a value given to a
     *                           flag that takes none
     */
    public static Tokens tokenize(String[] args) {
        return tokenize(args, false);
    }

    /**
     * Tokenizes while skipping every bad token instead of failing: used to find {@code --help}, {@code --version}
     * and {@code --project} before the command line is validated.
     */
    public static Tokens tokenizeLeniently(String[] args) {
        return tokenize(args, true);
    }

    private static Tokens tokenize(String[] args, boolean lenient) {
        List<Occurrence> options = new ArrayList<>();
        List<String> positionals = new ArrayList<>();
        boolean endOfOptions = false;
        int i = 0;
        while (i < args.length) {
            String tok = args[i++];
            if (endOfOptions) {
                positionals.add(tok);
            } else if (tok.equals("--")) {
                endOfOptions = true;
            } else if (tok.equals("-h")) {
                options.add(new Occurrence(FlagTable.get("help"), tok, List.of()));
            } else if (tok.startsWith("--")) {
                try {
                    i = readOption(args, i, tok, options);
                } catch (JilastikException e) {
                    if (!lenient) {
                        throw e;
                    }
                }
            } else if (looksLikeOption(tok)) {
                if (!lenient) {
                    throw JilastikException.usage("unknown option " + tok + "; jilastik's options start with -- "
                            + "(see jilastik --help)");
                }
            } else {
                positionals.add(tok);
            }
        }
        return new Tokens(List.copyOf(options), List.copyOf(positionals));
    }

    /** Reads the option {@code tok} (already consumed) and its values; returns the index of the next token. */
    private static int readOption(String[] args, int next, String tok, List<Occurrence> out) {
        String body = tok.substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        String inline = eq < 0 ? null : body.substring(eq + 1);
        FlagSpec flag = FlagTable.resolve(name);
        String typed = "--" + name;
        List<String> values = new ArrayList<>();
        int i = next;
        switch (flag.arity()) {
            case NONE -> {
                if (inline != null) {
                    throw JilastikException.usage("option " + typed + " takes no value, but was given \"" + inline
                            + "\"");
                }
            }
            case ONE -> {
                if (inline != null) {
                    values.add(inline);
                } else if (i < args.length && !looksLikeOption(args[i])) {
                    values.add(args[i++]);
                } else {
                    throw JilastikException.usage("option " + typed + " needs a value (" + flag.valueName() + ")");
                }
            }
            case OPTIONAL_BOOLEAN -> {
                if (inline != null) {
                    values.add(inline);
                } else if (i < args.length && BOOLEAN_WORDS.contains(args[i].toLowerCase(Locale.ROOT))) {
                    values.add(args[i++]);
                }
            }
            case MANY -> {
                if (inline != null) {
                    values.add(inline);
                }
                while (i < args.length && !looksLikeOption(args[i])) {
                    values.add(args[i++]);
                }
                if (values.isEmpty()) {
                    throw JilastikException.usage("option " + typed + " needs at least one path");
                }
            }
            default -> throw new IllegalStateException(flag.arity().toString());
        }
        out.add(new Occurrence(flag, typed, List.copyOf(values)));
        return i;
    }

    /** Whether a token is an option rather than a value: starts with {@code -}, is longer, is not a negative number. */
    static boolean looksLikeOption(String tok) {
        return tok.length() > 1 && tok.charAt(0) == '-' && !NEGATIVE_NUMBER.matcher(tok).matches();
    }
}
