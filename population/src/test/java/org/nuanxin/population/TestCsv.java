package org.nuanxin.population;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV reader for tests, in the test-jar for the modules that check what population writes or reads (the command
 * line, the Spark module): RFC 4180 records (a cell quoted when it holds a comma, a quote or a line break, a quote in
 * it doubled), written out character by character, independent of population's own reader.
 */
public final class TestCsv {

    private TestCsv() {}

    /**
     * The records of {@code text}, every one ending in a line break: CR LF, or LF alone when {@code crlf} is false.
     *
     * @throws IllegalArgumentException when the text does not end in a record's end
     */
    public static List<List<String>> records(String text, boolean crlf) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (crlf ? c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' : c == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += crlf ? 1 : 0;
            } else {
                cell.append(c);
            }
        }
        if (!record.isEmpty() || cell.length() > 0 || quoted) {
            throw new IllegalArgumentException("the last record does not end in " + (crlf ? "CR LF" : "LF"));
        }
        return records;
    }

    /** The cells of one line that holds one whole record (no line break in a cell). */
    public static String[] cells(String line) {
        return records(line + "\n", false).get(0).toArray(String[]::new);
    }
}
