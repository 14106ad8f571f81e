package org.nuanxin.input;

import java.time.LocalDate;
import org.nuanxin.InvalidInputException;

/**
 * The bounds on what the library reads from a file before and while parsing it, and the range of
 * dates it accepts. Each limit has a default and a system property that changes it, read afresh on
 * every read (so {@code java -Dnuanxin.input.maxFileBytes=4194304 -jar nuanxin.jar …} or
 * {@code System.setProperty} before a call both work):
 *
 * <table>
 *   <caption>Input limits</caption>
 *   <tr><th>property</th><th>default</th><th>what it bounds</th></tr>
 *   <tr><td>{@value #MAX_FILE_BYTES}</td><td>1 MiB (1,048,576 bytes)</td><td>the size of a worker file, a
 *       scenario file and every file of a rule folder (checked before reading, and again while reading)</td></tr>
 *   <tr><td>{@value #MAX_DEPTH}</td><td>32</td><td>how deeply YAML/JSON lists and mappings may nest</td></tr>
 *   <tr><td>{@value #MAX_SCALAR_CHARS}</td><td>65,536</td><td>the characters of one YAML/JSON value or key</td></tr>
 * </table>
 *
 * <p>The defaults leave wide room over the largest legitimate files: the biggest file in the project is a
 * 15 KB scenario suite, the deepest nesting 6 levels, the longest value 456 characters (a note in a
 * {@code parameters.yaml}). A value that is not a whole number in range is an {@link InvalidInputException}
 * naming the property. Member registers ({@code population}) have no size cap: they are streamed, and a
 * row longer than 64 Ki characters is skipped as it is read.
 *
 * @param maxFileBytes   the largest file, in bytes
 * @param maxDepth       the deepest nesting of lists and mappings (the top-level mapping is level 1)
 * @param maxScalarChars the longest value or key, in characters (UTF-16 units)
 */
public record InputLimits(long maxFileBytes, int maxDepth, int maxScalarChars) {

    /** System property: the largest input file, in bytes. */
    public static final String MAX_FILE_BYTES = "nuanxin.input.maxFileBytes";
    /** System property: the deepest nesting of YAML/JSON lists and mappings. */
    public static final String MAX_DEPTH = "nuanxin.input.maxDepth";
    /** System property: the longest YAML/JSON value or key, in characters. */
    public static final String MAX_SCALAR_CHARS = "nuanxin.input.maxScalarChars";

    /** 1 MiB: about 70 times the largest scenario file of the project (15 KB). */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;
    /** 32 levels: five times the deepest legitimate nesting (a scenario case's child, 6 levels). */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** 64 Ki characters: the longest register row too; the longest legitimate value is 456 characters. */
    public static final int DEFAULT_MAX_SCALAR_CHARS = 64 * 1024;

    /** The first date the library accepts, for any date: an assessment date, a birth date, an event's. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    /** The last date the library accepts. */
    public static final LocalDate LAST_DATE = LocalDate.of(2200, 12, 31);
    /** The problem of a date outside {@link #FIRST_DATE}..{@link #LAST_DATE}. */
    public static final String DATE_OUT_OF_RANGE = "date out of range (years 1900 to 2200)";

    private static final long MOST_FILE_BYTES = 1L << 30;
    private static final int MOST_DEPTH = 1000;

    public InputLimits {
        if (maxFileBytes < 1 || maxFileBytes > MOST_FILE_BYTES) {
            throw new IllegalArgumentException("maxFileBytes must be 1 to " + MOST_FILE_BYTES);
        }
        if (maxDepth < 1 || maxDepth > MOST_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be 1 to " + MOST_DEPTH);
        }
        if (maxScalarChars < 1) {
            throw new IllegalArgumentException("maxScalarChars must be at least 1");
        }
    }

    /** The defaults. */
    public static InputLimits defaults() {
        return new InputLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_SCALAR_CHARS);
    }

    /**
     * The limits in force: the system properties where set, else the defaults.
     *
     * @throws InvalidInputException naming the property when its value is not a whole number in range
     */
    public static InputLimits current() {
        return new InputLimits(
                property(MAX_FILE_BYTES, DEFAULT_MAX_FILE_BYTES, MOST_FILE_BYTES),
                (int) property(MAX_DEPTH, DEFAULT_MAX_DEPTH, MOST_DEPTH),
                (int) property(MAX_SCALAR_CHARS, DEFAULT_MAX_SCALAR_CHARS, Integer.MAX_VALUE - 16));
    }

    private static long property(String name, long fallback, long most) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n >= 1 && n <= most) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(name, "must be a whole number from 1 to " + most);
    }

    /** Whether {@code date} is within {@link #FIRST_DATE}..{@link #LAST_DATE}. */
    public static boolean inRange(LocalDate date) {
        return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }

    /**
     * {@code date}, when within {@link #FIRST_DATE}..{@link #LAST_DATE}.
     *
     * @throws InvalidInputException naming {@code field} when it is not
     */
    public static LocalDate requireInRange(String field, LocalDate date) {
        if (!inRange(date)) {
            throw new InvalidInputException(field, DATE_OUT_OF_RANGE);
        }
        return date;
    }
}
