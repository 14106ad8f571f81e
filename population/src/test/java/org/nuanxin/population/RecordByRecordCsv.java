package org.nuanxin.population;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV reading of the population run as it was before rows were cut into blocks: one record at a time,
 * character by character. Kept for the tests only, as the reference the block path must agree with (the
 * same records, cells, problems and line numbers).
 */
final class RecordByRecordCsv {

    private static final int BUFFER = 16 * 1024;
    static final int MAX_RECORD = 64 * 1024;

    private final Reader in;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int len;
    private boolean eof;
    private long line = 1;
    private boolean first = true;

    RecordByRecordCsv(Reader in) {
        this.in = in;
    }

    /** The next non-blank record, or {@code null} at the end of the input. */
    CsvReader.Record next() throws IOException {
        while (true) {
            if (first) {
                first = false;
                if (peek() == '\uFEFF') {
                    pos++;
                }
            }
            int c = peek();
            if (c < 0) {
                return null;
            }
            if (c == '\n') { // a blank line
                pos++;
                line++;
                continue;
            }
            if (c == '\r' && peekAt(1) == '\n') {
                pos += 2;
                line++;
                continue;
            }
            return record();
        }
    }

    private CsvReader.Record record() throws IOException {
        long start = line;
        List<String> cells = new ArrayList<>(24);
        StringBuilder cell = new StringBuilder(32);
        String problem = null;
        boolean quoted = false; // inside a quoted section
        boolean wasQuoted = false; // this cell began with a quote
        boolean afterQuote = false; // a closing quote was seen in this cell
        long chars = 0;
        while (true) {
            int c = read();
            if (++chars == MAX_RECORD) {
                problem = "the row is longer than " + MAX_RECORD + " characters"
                        + (quoted
                                ? " (a quoted cell may not be closed: a missing \" makes the rest of the file one cell)"
                                : "");
            }
            if (chars > MAX_RECORD) { // skip to the end of the record, keeping nothing
                cell.setLength(0);
                if (cells.size() > 0) {
                    cells.subList(1, cells.size()).clear();
                }
            }
            if (c < 0) {
                if (quoted && problem == null) {
                    problem = "a quoted cell is not closed (missing \" before the end of the file)";
                }
                cells.add(cell.toString());
                return new CsvReader.Record(start, cells.toArray(new String[0]), problem);
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        pos++;
                        cell.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
                continue;
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                afterQuote = false;
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    if (peek() == '\n') {
                        pos++;
                    } else { // a bare CR inside a line: keep it as text
                        cell.append('\r');
                        continue;
                    }
                }
                line++;
                cells.add(cell.toString());
                return new CsvReader.Record(start, cells.toArray(new String[0]), problem);
            }
            if (c == '"' && !wasQuoted && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0); // blanks before an opening quote are not part of the cell
                continue;
            }
            if (afterQuote && !Character.isWhitespace(c) && problem == null) {
                problem = "text after a closing quote in cell " + (cells.size() + 1)
                        + " (write \"\" for a quote inside a quoted cell)";
            }
            if (!afterQuote || !Character.isWhitespace(c)) {
                cell.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            pos++;
        }
        return c;
    }

    private int peek() throws IOException {
        return peekAt(0);
    }

    private int peekAt(int ahead) throws IOException {
        while (pos + ahead >= len) {
            if (eof) {
                return -1;
            }
            if (pos > 0) { // keep the unread tail, refill behind it
                System.arraycopy(buf, pos, buf, 0, len - pos);
                len -= pos;
                pos = 0;
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
            } else {
                len += n;
            }
        }
        return buf[pos + ahead];
    }
}
