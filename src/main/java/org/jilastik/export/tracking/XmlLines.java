package org.jilastik.export.tracking;

/**
 * A tiny indented XML writer for the MaMuT export: one element per line, two spaces per level, attributes in the
 * order given, values escaped ({@code & < > "}, control characters and every non-ASCII character as a numeric
 * character reference, so the text is plain ASCII as ElementTree's default output is). No XML declaration.
 * Not thread safe; one document per instance.
 */
final class XmlLines {
    private final StringBuilder b = new StringBuilder();
    private int depth;

    /** Opens element {@code name} with attributes {@code nameValue} (name, value, name, value, …). */
    XmlLines open(String name, String... nameValue) {
        start(name, nameValue);
        b.append(">\n");
        depth++;
        return this;
    }

    /** Closes element {@code name}, opened last. */
    XmlLines close(String name) {
        depth--;
        b.append("  ".repeat(depth)).append("</").append(name).append(">\n");
        return this;
    }

    /** An element without content. */
    XmlLines empty(String name, String... nameValue) {
        start(name, nameValue);
        b.append(" />\n");
        return this;
    }

    /** The document written so far. */
    String text() {
        return b.toString();
    }

    private void start(String name, String[] nameValue) {
        b.append("  ".repeat(depth)).append('<').append(name);
        for (int i = 0; i < nameValue.length; i += 2) {
            b.append(' ').append(nameValue[i]).append("=\"");
            escape(nameValue[i + 1]);
            b.append('"');
        }
    }

    private void escape(String v) {
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append("&#").append(c).append(';');
                    } else {
                        b.append((char) c);
                    }
                }
            }
        }
    }
}
