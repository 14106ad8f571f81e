package org.nuanxin.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.nuanxin.population.PlainTable;

/**
 * The progress of a long run ({@code population}) on standard error, one line overwritten in place (a carriage
 * return, no line feed) at most once an interval, cleared at the end. Where the input's size is known: the share
 * read, the rows done, the rate and an estimate of the time left; else the rows done and the rate. Never on
 * standard output, which carries only the command's result.
 */
final class Progress {

    private final PrintWriter err;
    private final Lang lang;
    private final long totalBytes;
    private final LongSupplier bytesRead;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final long started;
    private long last;
    private int width;

    /**
     * @param err           where the line goes (standard error)
     * @param lang          its language
     * @param totalBytes    the input's size in bytes, or 0 or less when it is not known
     * @param bytesRead     the bytes of the input read so far
     * @param nanoTime      the clock ({@link System#nanoTime()})
     * @param intervalNanos the least time between two lines shown
     */
    Progress(
            PrintWriter err,
            Lang lang,
            long totalBytes,
            LongSupplier bytesRead,
            LongSupplier nanoTime,
            long intervalNanos) {
        this.err = err;
        this.lang = lang;
        this.totalBytes = totalBytes;
        this.bytesRead = bytesRead;
        this.nanoTime = nanoTime;
        this.intervalNanos = intervalNanos;
        this.started = nanoTime.getAsLong();
        this.last = started;
    }

    /** A line once a second at most, on the system clock. */
    Progress(PrintWriter err, Lang lang, long totalBytes, LongSupplier bytesRead) {
        this(err, lang, totalBytes, bytesRead, System::nanoTime, 1_000_000_000L);
    }

    /** {@code rows} are done: shows the line if an interval has passed since the last (or since the start). */
    void update(long rows) {
        long now = nanoTime.getAsLong();
        if (now - last < intervalNanos) {
            return;
        }
        last = now;
        String line = line(rows, bytesRead.getAsLong(), now - started);
        int w = PlainTable.width(line);
        // pad over what is left of a longer line before
        err.print("\r" + line + " ".repeat(Math.max(0, width - w)));
        err.flush();
        width = Math.max(width, w);
    }

    /** Removes the line, if one was shown, and leaves the cursor at the start of the line. */
    void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    /**
     * {@code 37% (371000 rows, 41000 rows/s), about 1 min 20 s left}, or without a known size
     * {@code 371000 rows, 41000 rows/s}; in Chinese {@code 37%（371000 行，41000 行/秒），约剩 1 分 20 秒}. The share is
     * that of the input read, at most 99 % until the run ends (rows read are still being assessed); the time
     * left assumes the rest goes at the pace so far.
     */
    String line(long rows, long read, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        String rate = String.format(Locale.ROOT, "%.0f", rows / seconds);
        String done = lang.pick(rows + " 行，" + rate + " 行/秒", rows + " rows, " + rate + " rows/s");
        if (totalBytes <= 0 || read <= 0) {
            return done;
        }
        long percent = Math.min(99, read * 100 / totalBytes);
        String line = percent + lang.pick("%（" + done + "）", "% (" + done + ")");
        if (read < totalBytes) {
            long left = Math.max(1, Math.round(seconds * (totalBytes - read) / read));
            line += lang.pick("，约剩 " + duration(left, lang), ", about " + duration(left, lang) + " left");
        }
        return line;
    }

    /** {@code 45 s}, {@code 1 min 20 s}, {@code 2 h 05 min}; in Chinese {@code 45 秒}, {@code 1 分 20 秒}, {@code 2 小时 5 分}. */
    static String duration(long seconds, Lang lang) {
        if (seconds < 60) {
            return seconds + lang.pick(" 秒", " s");
        }
        if (seconds < 3600) {
            return seconds / 60 + lang.pick(" 分 ", " min ") + seconds % 60 + lang.pick(" 秒", " s");
        }
        long minutes = (seconds + 30) / 60;
        return minutes / 60
                + lang.pick(" 小时 " + minutes % 60 + " 分", String.format(Locale.ROOT, " h %02d min", minutes % 60));
    }
}
