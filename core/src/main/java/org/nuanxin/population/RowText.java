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

    void put(char c) {
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        chars[length++] = c;
    }

    /** Forgets what the current cell holds so far. */
    void restartCell() {
        length = cellStart;
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
