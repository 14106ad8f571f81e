package org.nuanxin.population;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads CSV records (RFC 4180) one at a time from a {@link Reader}, holding one record and a fixed
 * buffer in memory, never the file. A cell may be quoted ({@code "Hangzhou, Zhejiang"}); inside
 * quotes, {@code ""} is a quote and commas and line breaks are text. Line breaks are LF or CRLF; a
 * UTF-8 byte-order mark before the first cell is dropped; blank lines are skipped.
 *
 * <p>A record knows the line it starts on (the header is line 1), which is the row number the
 * population report gives: with no line break inside a quoted cell, it is the spreadsheet row.
 * A record longer than {@link #MAX_RECORD} characters is a bad row whose text is skipped. This is the
 * record-at-a-time face of {@link CsvBlocks} (where records end) and {@link CsvTokenizer} (their cells),
 * which a population run uses a block at a time. Not thread-safe.
 *
 * <p>Hand-written, not a CSV library, on measurement: read this way, a String per cell like Apache Commons CSV
 * 1.14.1, a generated 20,000-row register goes 1.35 ± 0.15 times as fast as with Commons CSV
 * ({@code CsvBenchmark.records} against {@code CsvBenchmark.commonsCsv}, module benchmarks: 39.3 ± 3.8 against
 * 29.0 ± 1.3 registers/s, one thread), though it allocates 1.7 times as much (a copy of each record); the
 * block path a population run takes, 2.6 times as fast with a third of the allocation. docs/performance.md.
 */
final class CsvReader {

    /** One record: the line it starts on, its cells (unstripped), and a quoting problem if any. */
    record Record(long line, String[] cells, String problem) {}

    /** A record longer than this is a bad row; its text is skipped, not kept, so one runaway row cannot fill memory. */
    static final int MAX_RECORD = CsvBlocks.MAX_RECORD;

    /** Characters read from the input at a time. */
    private static final int BUFFER = 16 * 1024;

    private final CsvBlocks blocks;
    private final CsvTokenizer tokenizer = new CsvTokenizer();

    CsvReader(Reader in) {
        this.blocks = new CsvBlocks(in, BUFFER);
    }

    /** The next non-blank record, or {@code null} at the end of the input. */
    Record next() throws IOException {
        CsvBlocks.Block b = blocks.next(1);
        if (b == null) {
            return null;
        }
        if (b.problem() != null) {
            return new Record(b.firstLine(), new String[] {""}, b.problem());
        }
        tokenizer.reset(b.text(), b.length(), b.firstLine());
        if (!tokenizer.next()) {
            throw new IllegalStateException("a CSV block without a record");
        }
        return new Record(tokenizer.line(), tokenizer.cells().strings(), tokenizer.problem());
    }

    /** A cell as CSV: quoted when it holds a comma, a quote, a line break or leading/trailing blanks. */
    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        boolean needs = cell.indexOf(',') >= 0
                || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0
                || (!cell.isEmpty()
                        && (Character.isWhitespace(cell.charAt(0))
                                || Character.isWhitespace(cell.charAt(cell.length() - 1))));
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
