package org.nuanxin.population;

import java.util.Arrays;

/**
 * One record's cells as ranges of one reused character array, so that reading a row makes no String per
 * cell. Cell {@code i} is {@code chars()[from(i), to(i))}. Not thread-safe.
 */
final class RowText {

    private char[] chars = new char[256];
    private int length;
    private int[] from = new int[32];
    private int[] to = new int[32];
    private int count;
    private int cellStart;

    /** The cells of a record given as Strings. */
    static RowText of(String[] cells) {
        RowText r = new RowText();
        for (String c : cells) {
            for (int i = 0; i < c.length(); i++) {
                r.put(c.charAt(i));
            }
            r.endCell();
        }
        return r;
    }

    void clear() {
        length = 0;
        count = 0;
        cellStart = 0;
    }

    /**
     * The array to write a record's text into directly, with room for {@code capacity} characters; the writer
     * reports each cell's end with {@link #endCell(int)}.
     */
    char[] room(int capacity) {
        if (chars.length < capacity) {
            chars = new char[Math.max(capacity, chars.length * 2)];
        }
        return chars;
    }

    /** Ends a cell written directly into {@link #room}: it runs from the end of the previous cell to {@code end}. */
    void endCell(int end) {
        length = end;
        endCell();
    }

    /** Where the current cell begins in {@link #room}. */
    int cellStart() {
        return cellStart;
    }

    void put(char c) {
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        chars[length++] = c;
    }

    void endCell() {
        if (count == from.length) {
            from = Arrays.copyOf(from, count * 2);
            to = Arrays.copyOf(to, count * 2);
        }
        from[count] = cellStart;
        to[count] = length;
        count++;
        cellStart = length;
    }

    /** {@link Character#isWhitespace(char)}, quickly for the letters and digits that fill a register. */
    static boolean blank(char c) {
        return c <= ' ' ? Character.isWhitespace(c) : c >= 0x80 && Character.isWhitespace(c);
    }

    /** Cells of the record. */
    int count() {
        return count;
    }

    char[] chars() {
        return chars;
    }

    int from(int cell) {
        return from[cell];
    }

    int to(int cell) {
        return to[cell];
    }

    /** Cell {@code i} as a String, as read. */
    String cell(int i) {
        return new String(chars, from[i], to[i] - from[i]);
    }

    /** Every cell as a String, as read. */
    String[] strings() {
        String[] s = new String[count];
        for (int i = 0; i < count; i++) {
            s[i] = cell(i);
        }
        return s;
    }
}
