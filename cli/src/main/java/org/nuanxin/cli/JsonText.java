package org.nuanxin.cli;

import org.nuanxin.input.YamlNode;

/** JSON strings for the JSON the command line writes itself (the engine writes an assessment's). */
final class JsonText {

    private JsonText() {}

    /** {@code v} as a JSON string, quoted, with {@code "}, {@code \} and control characters escaped. */
    static String quote(String v) {
        StringBuilder s = new StringBuilder();
        YamlNode.quote(s, v);
        return s.toString();
    }

    /** {@code v} quoted, or {@code null}. */
    static String quoteOrNull(String v) {
        return v == null ? "null" : quote(v);
    }
}
