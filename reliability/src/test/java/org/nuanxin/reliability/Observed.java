package org.nuanxin.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the reliability tests saw come out of the library that could carry personal data:
 * exception messages and stack traces (with their causes), {@code toString()} of the library's types,
 * command-line output. Each is scanned for {@link Canaries} as it is seen; {@link CanaryLeakTest}
 * reports the totals at the end of the run, with the logs.
 */
final class Observed {

    static final AtomicLong EXCEPTIONS = new AtomicLong();
    static final AtomicLong TEXTS = new AtomicLong();
    static final AtomicLong CHARS = new AtomicLong();
    private static final List<String> LEAKS = new ArrayList<>();

    private Observed() {}

    /** An exception the library threw: its full stack trace, with every cause's message. */
    static void exception(String where, Throwable t) {
        EXCEPTIONS.incrementAndGet();
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        scan("exception at " + where, w.toString());
    }

    /** Text the library produced (a toString(), a message, command-line output). */
    static void text(String where, String text) {
        TEXTS.incrementAndGet();
        scan(where, text);
    }

    /** {@code String.valueOf(o)}, scanned. */
    static void object(String where, Object o) {
        text(where + " " + (o == null ? "null" : o.getClass().getSimpleName()) + ".toString()", String.valueOf(o));
    }

    private static void scan(String where, String text) {
        if (text == null) {
            return;
        }
        CHARS.addAndGet(text.length());
        List<String> found = Canaries.in(text);
        if (!found.isEmpty()) {
            synchronized (LEAKS) {
                if (LEAKS.size() < 200) {
                    LEAKS.add(where + ": " + found + " in: " + shorten(text));
                }
            }
        }
    }

    static List<String> leaks() {
        synchronized (LEAKS) {
            return List.copyOf(LEAKS);
        }
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 400 ? one.substring(0, 400) + "…" : one;
    }
}
