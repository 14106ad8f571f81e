package org.nuanxin.population;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a function gives for a short text, remembered by the text's characters: a register repeats a few
 * values (place names, enum names, employers) a million times, and looking them up here costs no String
 * and no repeated parsing. Holds at most {@code maxEntries} texts of at most {@link #MAX_KEY} characters;
 * past that the function is simply called. Not thread-safe: one per thread.
 *
 * @param <V> the function's result, never {@code null}
 */
final class TextTable<V> {

    /** Longer texts are not remembered. */
    static final int MAX_KEY = 64;

    private final Function<String, V> compute;
    private final int maxEntries;
    private char[][] keys = new char[64][];
    private int[] hashes = new int[64];
    private Object[] values = new Object[64];
    private int size;

    /**
     * @param compute    the function of the text; it must give the same result for the same text
     * @param maxEntries the most texts remembered
     */
    TextTable(Function<String, V> compute, int maxEntries) {
        this.compute = compute;
        this.maxEntries = maxEntries;
    }

    /** The function's result for {@code text[from, to)}. */
    @SuppressWarnings("unchecked")
    V get(char[] text, int from, int to) {
        int length = to - from;
        if (length > MAX_KEY) {
            return Objects.requireNonNull(compute.apply(new String(text, from, length)));
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text[i];
        }
        int mask = keys.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        char[] k;
        while ((k = keys[slot]) != null) {
            if (hashes[slot] == h && same(k, text, from, length)) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        V v = Objects.requireNonNull(compute.apply(new String(text, from, length)));
        if (size < maxEntries) {
            keys[slot] = Arrays.copyOfRange(text, from, to);
            hashes[slot] = h;
            values[slot] = v;
            if (++size * 2 > keys.length) {
                rehash();
            }
        }
        return v;
    }

    /** Whether {@code key} is {@code text[from, from + length)} (a plain loop: the texts are short). */
    private static boolean same(char[] key, char[] text, int from, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != text[from + i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        char[][] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        keys = new char[oldKeys.length * 2][];
        hashes = new int[keys.length];
        values = new Object[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int h = oldHashes[i];
                int slot = (h ^ (h >>> 16)) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = h;
                values[slot] = oldValues[i];
            }
        }
    }
}
