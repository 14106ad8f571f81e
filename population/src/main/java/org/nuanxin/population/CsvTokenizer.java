package org.nuanxin.population;

/**
 * Splits a {@link CsvBlocks.Block block} of whole CSV records into cells, one record at a time, without a
 * String per cell: each record's cells are written one after another into a reused {@link RowText}. The
 * grammar is {@link CsvReader}'s: a cell may be quoted; inside quotes {@code ""} is a quote and commas and
 * line breaks are text; blanks before an opening quote and after a closing one are dropped; blank lines are
 * skipped. The end of the block is the end of the input for its last record (only the file's last block can
 * end inside a record). Not thread-safe: one per thread.
 *
 * <p>Hand-written, not a CSV library, on measurement: {@code CsvBenchmark.blocks} (module benchmarks), this
 * class with {@link CsvBlocks} as a population run uses them, reads a generated 20,000-row register 2.6 ± 0.1
 * times as fast as Apache Commons CSV 1.14.1 ({@code CsvBenchmark.commonsCsv}: 75.7 ± 1.8 against 29.0 ± 1.3
 * registers/s, one thread) and allocates a third as much (6.9 against 20.9 MB a register); docs/performance.md.
 */
final class CsvTokenizer {

    private static final String NOT_CLOSED = "a quoted cell is not closed (missing \" before the end of the file)";

    private final RowText row = new RowText();
    private char[] text = new char[0];
    private int end;
    private int pos;
    private long line;
    private long recordLine;
    private String problem;

    /** Starts on a block of whole records. */
    void reset(CsvBlocks.Block block) {
        this.text = block.text();
        this.end = block.from() + block.length();
        this.pos = block.from();
        this.line = block.firstLine();
    }

    /** Starts on a block's text, {@code text[0, length)}, which begins on line {@code firstLine}. */
    void reset(char[] text, int length, long firstLine) {
        this.text = text;
        this.end = length;
        this.pos = 0;
        this.line = firstLine;
    }

    /** The line the current record starts on. */
    long line() {
        return recordLine;
    }

    /** The current record's quoting problem, or {@code null}. */
    String problem() {
        return problem;
    }

    /** The current record's cells (as read, not stripped); overwritten by {@link #next()}. */
    RowText cells() {
        return row;
    }

    /** Reads the next non-blank record; {@code false} at the end of the block. */
    boolean next() {
        final char[] t = text;
        final int n = end;
        int p = pos;
        while (true) { // blank lines
            if (p >= n) {
                pos = p;
                return false;
            }
            char c = t[p];
            if (c == '\n') {
                p++;
                line++;
            } else if (c == '\r' && p + 1 < n && t[p + 1] == '\n') {
                p += 2;
                line++;
            } else {
                break;
            }
        }
        recordLine = line;
        problem = null;
        RowText out = row;
        out.clear();
        final char[] d = out.room(n - p); // a record is no longer than what is left of the block
        int w = 0;
        boolean quoted = false; // inside a quoted section
        boolean wasQuoted = false; // this cell began with a quote
        boolean afterQuote = false; // a closing quote was seen in this cell
        boolean blank = true; // the cell holds only blanks so far
        while (true) {
            if (p >= n) {
                if (quoted && problem == null) {
                    problem = NOT_CLOSED;
                }
                out.endCell(w);
                pos = p;
                return true;
            }
            char c = t[p++];
            if (quoted) {
                if (c == '"') {
                    if (p < n && t[p] == '"') {
                        p++;
                        d[w++] = '"';
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    d[w++] = c;
                }
                continue;
            }
            if (c > ',' && !afterQuote) { // the common case: a run of text
                d[w++] = c;
                blank = blank && RowText.blank(c);
                if (!blank) {
                    while (p < n && (c = t[p]) > ',') {
                        d[w++] = c;
                        p++;
                    }
                }
                continue;
            }
            if (c == ',') {
                out.endCell(w);
                wasQuoted = false;
                afterQuote = false;
                blank = true;
                continue;
            }
            if (c == '\n') {
                line++;
                out.endCell(w);
                pos = p;
                return true;
            }
            if (c == '\r') {
                if (p < n && t[p] == '\n') {
                    p++;
                    line++;
                    out.endCell(w);
                    pos = p;
                    return true;
                }
                d[w++] = '\r'; // a bare CR inside a line: kept as text
                continue;
            }
            if (c == '"' && !wasQuoted && blank) {
                quoted = true;
                wasQuoted = true;
                w = out.cellStart(); // blanks before an opening quote are not part of the cell
                continue;
            }
            boolean white = RowText.blank(c);
            if (afterQuote && !white && problem == null) {
                problem = "text after a closing quote in cell " + (out.count() + 1)
                        + " (write \"\" for a quote inside a quoted cell)";
            }
            if (!afterQuote || !white) {
                d[w++] = c;
                if (!white) {
                    blank = false;
                }
            }
        }
    }
}
