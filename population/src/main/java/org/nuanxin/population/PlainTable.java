package org.nuanxin.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows as columns aligned for a terminal: the one text table of the command line and of the reports
 * ({@link ReportWriter}), which every table they print goes through. Chinese characters take two columns on screen,
 * so widths are counted in display columns, not in chars.
 */
public final class PlainTable {

    private static final String GAP = "  ";

    private PlainTable() {}

    /** The rows as lines, every cell on the left of its column; the last column is not padded. */
    public static List<String> format(List<String[]> rows) {
        return format(rows, new int[0]);
    }

    /**
     * The rows as lines; in the columns {@code rightAligned} (numbers, so that they line up on their last digit)
     * every row but the first, the heading, is aligned on the right. Other cells are aligned on the left, and
     * the last column is not padded on the right.
     */
    public static List<String> format(List<String[]> rows, int... rightAligned) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        boolean[] right = new boolean[columns];
        for (int c : rightAligned) {
            if (c < columns) {
                right[c] = true;
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i] == null ? "" : row[i];
                String pad = " ".repeat(widths[i] - width(cell));
                if (right[i] && r > 0) {
                    line.append(pad).append(cell);
                } else {
                    line.append(cell);
                    if (i < row.length - 1) {
                        line.append(pad);
                    }
                }
                if (i < row.length - 1) {
                    line.append(GAP);
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Display columns of a string: East Asian wide and fullwidth characters count two. */
    public static int width(String s) {
        if (s == null) {
            return 0;
        }
        return s.codePoints().map(PlainTable::width).sum();
    }

    private static int width(int cp) {
        if (Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.ENCLOSING_MARK
                || cp == 0x200B) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo
                || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, punctuation (、。「」…)
                || (cp >= 0x3041 && cp <= 0x33FF) // kana, CJK symbols
                || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms (（）＋，…)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and beyond
        return wide ? 2 : 1;
    }

    /**
     * {@code s} as exactly one line for a terminal: line breaks and runs of blanks collapsed, and control and format
     * characters (which a file's value can carry into a message: escape sequences, bidirectional overrides,
     * zero-width characters, a byte-order mark) written as Java escapes (a backslash, u, four hex digits), so that
     * none moves the terminal's cursor, colours it, reorders the line or hides in it. Line breaks are those of Java's
     * regular expression {@code \R}: CR, LF, VT, FF, NEL (U+0085), LINE and PARAGRAPH SEPARATOR (U+2028, U+2029).
     * {@code null} is the empty string.
     */
    public static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t =
                s.replaceAll("(?:[ \\t]*\\R)+[ \\t]*", " ").replace('\t', ' ').strip();
        StringBuilder b = new StringBuilder(t.length());
        t.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                b.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
