package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@code population}'s progress line: what it says, how often, and when it is shown at all. */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private static Progress progress(StringWriter err, Lang lang, long total, AtomicLong read, AtomicLong clock) {
        return new Progress(new PrintWriter(err), lang, total, read::get, clock::get, SECOND);
    }

    @Test
    void withAKnownSizeItGivesTheShareAndTheTimeLeft() {
        Progress p = progress(new StringWriter(), Lang.EN, 1000, new AtomicLong(), new AtomicLong());
        assertEquals("37% (370 rows, 37 rows/s), about 17 s left", p.line(370, 370, 10 * SECOND));
        assertEquals("5% (1000 rows, 10 rows/s), about 31 min 40 s left", p.line(1000, 50, 100 * SECOND));
        assertEquals("99% (990 rows, 99 rows/s)", p.line(990, 1000, 10 * SECOND), "all read, the last rows in hand");
        Progress zh = progress(new StringWriter(), Lang.ZH, 1000, new AtomicLong(), new AtomicLong());
        assertEquals("37%（370 行，37 行/秒），约剩 17 秒", zh.line(370, 370, 10 * SECOND));
    }

    @Test
    void withoutASizeItGivesRowsAndRate() {
        Progress p = progress(new StringWriter(), Lang.EN, 0, new AtomicLong(), new AtomicLong());
        assertEquals("370 rows, 37 rows/s", p.line(370, 370, 10 * SECOND));
        Progress zh = progress(new StringWriter(), Lang.ZH, -1, new AtomicLong(), new AtomicLong());
        assertEquals("370 行，37 行/秒", zh.line(370, 370, 10 * SECOND));
    }

    @Test
    void durations() {
        assertEquals("0 s", Progress.duration(0, Lang.EN));
        assertEquals("59 s", Progress.duration(59, Lang.EN));
        assertEquals("1 min 20 s", Progress.duration(80, Lang.EN));
        assertEquals("2 h 05 min", Progress.duration(2 * 3600 + 5 * 60 + 10, Lang.EN));
        assertEquals("1 分 20 秒", Progress.duration(80, Lang.ZH));
        assertEquals("2 小时 5 分", Progress.duration(2 * 3600 + 5 * 60 + 10, Lang.ZH));
    }

    @Test
    void atMostOnceASecondOverwrittenInPlaceAndClearedAtTheEnd() {
        StringWriter err = new StringWriter();
        AtomicLong read = new AtomicLong();
        AtomicLong clock = new AtomicLong(5 * SECOND);
        Progress p = progress(err, Lang.EN, 0, read, clock);
        clock.addAndGet(SECOND / 2);
        p.update(100);
        assertEquals("", err.toString(), "not within the first second");
        clock.addAndGet(SECOND);
        p.update(15_000);
        assertEquals("\r15000 rows, 10000 rows/s", err.toString());
        clock.addAndGet(SECOND / 2);
        p.update(20_000);
        assertEquals("\r15000 rows, 10000 rows/s", err.toString(), "not again within the second");
        clock.addAndGet(SECOND / 2);
        p.update(20_000);
        // a shorter line is padded over the longer one before it
        assertEquals("\r15000 rows, 10000 rows/s\r20000 rows, 8000 rows/s ", err.toString());
        p.clear();
        assertTrue(err.toString().endsWith("\r" + " ".repeat(24) + "\r"), err::toString);
        assertFalse(err.toString().contains("\n"), "never a line feed");
    }

    @Test
    void nothingToClearWhenNothingWasShown() {
        StringWriter err = new StringWriter();
        progress(err, Lang.EN, 0, new AtomicLong(), new AtomicLong()).clear();
        assertEquals("", err.toString());
    }
}
