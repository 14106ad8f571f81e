package org.nuanxin.cli;

import java.util.Locale;

/** JSON strings for the JSON the command line writes itself (the engine writes an assessment's). */
final class JsonText {

    private JsonText() {}

    /** {@code v} as a JSON string, quoted, with {@code "}, {@code \} and control characters escaped. */
    static String quote(String v) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** {@code v} quoted, or {@code null}. */
    static String quoteOrNull(String v) {
        return v == null ? "null" : quote(v);
    }
}
