package org.nuanxin.internal;

/**
 * A DRL file's text with comments and the contents of string and character literals blanked out
 * (replaced by spaces, line breaks kept), so that a scan for code sees only code and every offset
 * still maps to the author's line and column.
 */
public final class DrlSource {

    private final String original;
    private final String code;
    private final int[] lineStarts;

    public DrlSource(String text) {
        this.original = text;
        this.code = blank(text);
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int l = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[l++] = i + 1;
            }
        }
    }

    /** The original text. */
    public String original() {
        return original;
    }

    /** The text with comments and literal contents blanked. */
    public String code() {
        return code;
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** The offset of a 1-based line and column, clamped to the text. */
    public int offset(int line, int column) {
        int l = Math.max(1, Math.min(line, lineStarts.length));
        return Math.min(original.length(), lineStarts[l - 1] + Math.max(0, column - 1));
    }

    /** 1-based column of an offset. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    private static String blank(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                out.append("  ");
                i += 2;
                while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) {
                    out.append(s.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                if (i < n) {
                    out.append("  ");
                    i += 2;
                }
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < n && s.charAt(i + 1) != '\n') {
                        out.append("  ");
                        i += 2;
                    } else {
                        out.append(' ');
                        i++;
                    }
                }
                if (i < n) {
                    out.append(s.charAt(i));
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A {@code rule} keyword where a declaration can start, and the first character of the rule's name. */
    private static final java.util.regex.Pattern RULE =
            java.util.regex.Pattern.compile("(?m)(?:^|\\bend)\\s*\\brule\\s+(?=[\"\\p{L}_$])");

    /**
     * Rule name → 1-based line of its {@code rule} keyword, found without a DRL parser: for rules compiled at
     * build time, whose parse the engine does not repeat (the compiler module's tests check that this agrees
     * with the parser on every rule file we ship). A name is a string literal or an identifier.
     */
    public java.util.Map<String, Integer> ruleLines() {
        java.util.Map<String, Integer> lines = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = RULE.matcher(code);
        while (m.find()) {
            int at = m.end();
            String name;
            if (original.charAt(at) == '"') {
                int close = at + 1;
                while (close < original.length() && original.charAt(close) != '"') {
                    close += original.charAt(close) == '\\' ? 2 : 1;
                }
                name = original.substring(at + 1, Math.min(close, original.length()));
            } else {
                int end = at;
                while (end < code.length()
                        && (Character.isLetterOrDigit(code.charAt(end))
                                || code.charAt(end) == '_'
                                || code.charAt(end) == '$')) {
                    end++;
                }
                name = code.substring(at, end);
            }
            lines.putIfAbsent(name, line(code.lastIndexOf("rule", at)));
        }
        return lines;
    }
}
