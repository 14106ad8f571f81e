package org.nuanxin.population;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts CSV text (RFC 4180, as {@link CsvReader} describes it) from a {@link Reader} into blocks of whole
 * records, doing as little as it can: it reads large runs of characters and follows the quoting only far
 * enough to know where a record ends, so that a quoted cell holding a comma or a line break is never cut.
 * Turning a block's records into cells is left to {@link CsvTokenizer}, on any thread.
 *
 * <p>A block knows the line it starts on (the header is line 1) and how many records it holds. A record
 * longer than {@link #MAX_RECORD} characters is not kept: it comes as a block of its own with no text, one
 * record and the problem, and its text is skipped, so one runaway row cannot fill memory. Not thread-safe.
 *
 * <p>Hand-written, not a CSV library, on measurement: {@code CsvBenchmark.blocks} (module benchmarks), this
 * class with {@link CsvTokenizer} as a population run uses them, reads a generated 20,000-row register 2.6 ± 0.1
 * times as fast as Apache Commons CSV 1.14.1 ({@code CsvBenchmark.commonsCsv}: 75.7 ± 1.8 against 29.0 ± 1.3
 * registers/s, one thread) and allocates a third as much (6.9 against 20.9 MB a register); docs/performance.md.
 */
final class CsvBlocks {

    /** A record longer than this is a bad row; its text is skipped, not kept. */
    static final int MAX_RECORD = 64 * 1024;

    /**
     * Whole records: {@code text[from, from + length)}, starting on line {@code firstLine}; or, when
     * {@code problem} is set, one record too long to keep, starting on line {@code firstLine}, with no text.
     */
    record Block(char[] text, int from, int length, long firstLine, int records, String problem) {
        /** Marks the end of the input for a consumer. */
        static final Block END = new Block(new char[0], 0, 0, 0, null);

        /** Whole records at the start of {@code text}: {@code text[0, length)}. */
        Block(char[] text, int length, long firstLine, int records, String problem) {
            this(text, 0, length, firstLine, records, problem);
        }
    }

    private final Reader in;
    private final int blockChars;
    /** Whether a block's text is a view of the buffer, valid until the next call (else its own array). */
    private final boolean reuse;

    private char[] buf;
    /** Text not handed out yet is {@code buf[start, len)}; it begins on {@link #line}. */
    private int start;

    private int len;
    private long line = 1;
    /** Where the scan has got to, and the newlines in {@code buf[start, scan)}. */
    private int scan;

    private int newlines;
    /** The end of the last whole record scanned, the records in {@code buf[start, cut)} and their newlines. */
    private int cut;

    private int records;
    private int cutNewlines;
    private boolean eof;
    private boolean first;
    /** Whether a line break was read inside a quoted cell. */
    private boolean quotedLineBreak;

    // the record being scanned, in the terms of CsvReader's record(): quoted section, cell began with a
    // quote, cell blank so far, characters read
    private boolean inRecord;
    private boolean quoted;
    private boolean wasQuoted;
    private boolean cellBlank;
    private int units;
    private long recordLine;
    private String tooLong;
    /** A scanned runaway record waiting to be handed out, ending at {@link #brokenEnd}. */
    private boolean broken;

    private int brokenEnd;
    private int brokenNewlines;

    /**
     * @param in         the text; not closed here
     * @param blockChars the characters a block holds about at most (a block is longer only when one record is)
     */
    CsvBlocks(Reader in, int blockChars) {
        this(in, blockChars, true, false);
    }

    /**
     * @param in          the text; not closed here
     * @param blockChars  the characters a block holds about at most (a block is longer only when one record is)
     * @param fileStart   whether the text is the start of a file, where a byte-order mark is dropped; {@code false}
     *                    for a part of a file after a line break, where the first character is text like any other
     * @param reuse       whether a block's text may be a view of this reader's buffer, valid only until the next
     *                    call of {@link #next}, so that reading allocates nothing per block; else every block has
     *                    text of its own and may be handed to another thread
     */
    CsvBlocks(Reader in, int blockChars, boolean fileStart, boolean reuse) {
        if (blockChars < 1) {
            throw new IllegalArgumentException("block size must be at least 1 character");
        }
        this.in = in;
        this.blockChars = blockChars;
        this.buf = new char[Math.max(blockChars, 16)];
        this.first = fileStart;
        this.reuse = reuse;
    }

    /**
     * Whether a line break has been read inside a quoted cell so far: the record it belongs to spans more than one
     * line, so a line break in the text is not always the end of a record.
     */
    boolean quotedLineBreak() {
        return quotedLineBreak;
    }

    /** The line the text read so far ends on: one more than the line breaks read (at the end, all of them). */
    long lineAtEnd() {
        return line + newlines;
    }

    /**
     * The next block: one to {@code maxRecords} whole records (blank lines do not count), or a runaway record
     * on its own; {@code null} at the end of the input.
     */
    Block next(int maxRecords) throws IOException {
        while (true) {
            if (broken) {
                if (records > 0) {
                    return take();
                }
                Block b = new Block(null, 0, recordLine, 1, tooLong);
                line += brokenNewlines;
                start = brokenEnd;
                cut = brokenEnd;
                scan = brokenEnd;
                newlines = 0;
                cutNewlines = 0;
                broken = false;
                tooLong = null;
                return b;
            }
            scan(maxRecords);
            if (records >= maxRecords) {
                return take();
            }
            if (broken) {
                continue; // the records before the runaway one first, then it
            }
            if (eof && scan == len) {
                if (inRecord) {
                    count(); // the end of the file is read like a character
                    inRecord = false;
                    endRecord(len); // and ends the last record
                    continue;
                }
                return records > 0 ? take() : null;
            }
            if (len == buf.length) { // full: hand out the whole records, or make room for a long one
                if (records > 0) {
                    return take();
                }
                dropScanned();
                if (start > 0) {
                    compact();
                } else if (len == buf.length) {
                    grow();
                }
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
            } else {
                len += n;
            }
            if (first && len > 0) {
                first = false;
                if (buf[0] == '\uFEFF') { // a byte-order mark before the first cell is dropped
                    start = 1;
                    scan = 1;
                    cut = 1;
                }
            }
        }
    }

    /** Scans {@code buf[scan, len)} until {@code maxRecords} records are whole, a runaway record ends, or the data does. */
    private void scan(int maxRecords) {
        final char[] b = buf;
        final int n = len;
        int p = scan;
        // the record's state in locals for the loop, back in the fields when it stops
        boolean in = inRecord;
        boolean q = quoted;
        boolean wq = wasQuoted;
        boolean blank = cellBlank;
        int u = units;
        int nl = newlines;
        try {
            while (p < n) {
                char c = b[p];
                if (!in) {
                    if (records >= maxRecords || broken) {
                        return;
                    }
                    if (c == '\n') { // a blank line
                        p++;
                        nl++;
                        if (records == 0) {
                            cut = p;
                            cutNewlines = nl;
                        }
                        continue;
                    }
                    if (c == '\r') {
                        if (p + 1 == n && !eof) {
                            return; // need the next character
                        }
                        if (p + 1 < n && b[p + 1] == '\n') {
                            p += 2;
                            nl++;
                            if (records == 0) {
                                cut = p;
                                cutNewlines = nl;
                            }
                            continue;
                        }
                    }
                    in = true;
                    q = false;
                    wq = false;
                    blank = true;
                    u = 0;
                    recordLine = line + nl;
                }
                // one character of the record, as CsvReader's record() reads it
                if (c > ',' && !q) { // the common case: a run of text
                    blank = blank && RowText.blank(c);
                    int r = p + 1;
                    if (!blank) {
                        while (r < n && b[r] > ',') {
                            r++;
                        }
                    }
                    if (u < MAX_RECORD && u + (r - p) >= MAX_RECORD) {
                        tooLong(false);
                    }
                    u = Math.min(u + (r - p), MAX_RECORD + 1);
                    p = r;
                    continue;
                }
                if (q) {
                    if (c == '"') {
                        if (p + 1 == n && !eof) {
                            return;
                        }
                        if (++u == MAX_RECORD) {
                            tooLong(true);
                        }
                        if (p + 1 < n && b[p + 1] == '"') {
                            p += 2; // "" is a quote
                        } else {
                            q = false;
                            p++;
                        }
                    } else {
                        if (++u == MAX_RECORD) {
                            tooLong(true);
                        }
                        if (c == '\n') {
                            nl++;
                            quotedLineBreak = true;
                        }
                        p++;
                    }
                    continue;
                }
                if (c == '\r' && p + 1 == n && !eof) {
                    return;
                }
                if (++u == MAX_RECORD) {
                    tooLong(false);
                }
                p++;
                if (c == ',') {
                    blank = true;
                    wq = false;
                } else if (c == '\n' || c == '\r' && p < n && b[p] == '\n') {
                    if (c == '\r') {
                        p++; // CRLF
                    }
                    nl++;
                    in = false;
                    newlines = nl;
                    endRecord(p);
                } else if (c == '"' && !wq && blank) {
                    q = true;
                    wq = true;
                } else if (blank && !RowText.blank(c)) { // a bare CR is a blank
                    blank = false;
                }
            }
        } finally {
            scan = p;
            inRecord = in;
            quoted = q;
            wasQuoted = wq;
            cellBlank = blank;
            units = u;
            newlines = nl;
        }
    }

    /** The character that makes the record longer than {@link #MAX_RECORD} was read, inside quotes or not. */
    private void tooLong(boolean inQuotes) {
        tooLong = "the row is longer than " + MAX_RECORD + " characters"
                + (inQuotes
                        ? " (a quoted cell may not be closed: a missing \" makes the rest of the file one cell)"
                        : "");
    }

    /** One character of the record read at the end of the file, as CsvReader counts them. */
    private void count() {
        if (++units == MAX_RECORD) {
            tooLong(quoted);
        }
    }

    /** The record being scanned ends just before {@code end}. */
    private void endRecord(int end) {
        if (tooLong != null) {
            broken = true;
            brokenEnd = end;
            brokenNewlines = newlines;
            return;
        }
        records++;
        cut = end;
        cutNewlines = newlines;
    }

    /**
     * Hands out {@code buf[start, cut)}: a view of the buffer when reusing it, else the buffer itself when the block
     * fills most of it, else a copy.
     */
    private Block take() {
        Block b;
        int length = cut - start;
        if (reuse) {
            b = new Block(buf, start, length, line, records, null);
            start = cut;
        } else if (start == 0 && length >= buf.length / 2) {
            b = new Block(buf, length, line, records, null);
            char[] next = new char[Math.max(buf.length, blockChars)];
            System.arraycopy(buf, cut, next, 0, len - cut);
            buf = next;
            len -= cut;
            scan -= cut;
            if (broken) {
                brokenEnd -= cut;
            }
            start = 0;
        } else {
            char[] text = new char[length];
            System.arraycopy(buf, start, text, 0, length);
            b = new Block(text, length, line, records, null);
            start = cut;
        }
        line += cutNewlines;
        newlines -= cutNewlines;
        if (broken) {
            brokenNewlines -= cutNewlines;
        }
        cut = start;
        cutNewlines = 0;
        records = 0;
        return b;
    }

    /** With no whole record held: forgets the blank lines scanned and, in a runaway record, its text so far. */
    private void dropScanned() {
        int upTo = inRecord && tooLong != null ? scan : cut;
        int dropped = inRecord && tooLong != null ? newlines : cutNewlines;
        line += dropped;
        newlines -= dropped;
        start = upTo;
        cut = upTo;
        cutNewlines = 0;
    }

    private void compact() {
        System.arraycopy(buf, start, buf, 0, len - start);
        len -= start;
        scan -= start;
        cut -= start;
        start = 0;
    }

    /** A record longer than the buffer: twice the room (bounded, since a record past MAX_RECORD is dropped as read). */
    private void grow() {
        char[] bigger = new char[buf.length * 2];
        System.arraycopy(buf, 0, bigger, 0, len);
        buf = bigger;
    }
}
