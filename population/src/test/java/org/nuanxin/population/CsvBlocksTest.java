package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The block path (CsvBlocks cuts, CsvTokenizer splits) reads exactly what the record-by-record reading
 * read: the same records, cells, problems and line numbers, wherever the blocks are cut and however the
 * input arrives.
 */
class CsvBlocksTest {

    /** A record as the tests compare it: its line, its cells (unless too long to keep), its problem. */
    private record Rec(long line, List<String> cells, String problem) {
        static Rec of(CsvReader.Record r) {
            boolean tooLong = r.problem() != null && r.problem().startsWith("the row is longer");
            return new Rec(r.line(), tooLong ? List.of() : List.of(r.cells()), r.problem());
        }
    }

    private static List<Rec> reference(String csv) throws IOException {
        RecordByRecordCsv in = new RecordByRecordCsv(new StringReader(csv));
        List<Rec> out = new ArrayList<>();
        CsvReader.Record r;
        while ((r = in.next()) != null) {
            out.add(Rec.of(r));
        }
        return out;
    }

    /** A reader handing out at most {@code chunk} characters a call (1 to chunk, at random when {@code random}). */
    private static Reader trickle(String text, int chunk, Random random) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buf, int off, int len) {
                if (at == text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(len, random == null ? chunk : 1 + random.nextInt(chunk)), text.length() - at);
                text.getChars(at, at + n, buf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {}
        };
    }

    /** Every record through blocks of at most {@code maxRecords} records and about {@code blockChars} characters. */
    private static List<Rec> blocks(Reader in, int blockChars, int maxRecords) throws IOException {
        CsvBlocks blocks = new CsvBlocks(in, blockChars);
        CsvTokenizer tokenizer = new CsvTokenizer();
        List<Rec> out = new ArrayList<>();
        CsvBlocks.Block b;
        while ((b = blocks.next(maxRecords)) != null) {
            assertTrue(b.records() >= 1 && b.records() <= maxRecords, "records in a block: " + b.records());
            if (b.problem() != null) {
                assertEquals(1, b.records());
                out.add(new Rec(b.firstLine(), List.of(), b.problem()));
                continue;
            }
            tokenizer.reset(b.text(), b.length(), b.firstLine());
            int n = 0;
            while (tokenizer.next()) {
                n++;
                out.add(new Rec(tokenizer.line(), List.of(tokenizer.cells().strings()), tokenizer.problem()));
            }
            assertEquals(b.records(), n, "the records counted when cutting are the records read");
        }
        return out;
    }

    private static final String[] PIECES = {
        "a",
        "bc",
        "xian",
        " ",
        "  ",
        ",",
        ",",
        ",",
        "\"",
        "\"",
        "\"\"",
        "\n",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u3000",
        "中文",
        "\u00a0",
        "-",
        "2015-06-01"
    };

    private static String randomCsv(Random r) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(10) == 0) {
            s.append('\uFEFF');
        }
        int pieces = r.nextInt(120);
        for (int i = 0; i < pieces; i++) {
            s.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    @Test
    void randomTextReadsAsBeforeWhereverItIsCut() throws IOException {
        Random r = new Random(20260310);
        int[] blockSizes = {1, 2, 5, 16, 33, 1000};
        int[] maxRecords = {1, 2, 3, 7, 1000};
        for (int i = 0; i < 4000; i++) {
            String csv = randomCsv(r);
            List<Rec> want = reference(csv);
            int block = blockSizes[r.nextInt(blockSizes.length)];
            int max = maxRecords[r.nextInt(maxRecords.length)];
            String what = "text " + i + " " + visible(csv) + ", blocks of " + block + " chars, " + max + " records";
            assertEquals(want, blocks(new StringReader(csv), block, max), what);
            assertEquals(want, blocks(trickle(csv, 3, r), block, max), what + ", read a few characters at a time");
            List<Rec> old = new ArrayList<>();
            CsvReader in = new CsvReader(new StringReader(csv));
            CsvReader.Record rec;
            while ((rec = in.next()) != null) {
                old.add(Rec.of(rec));
            }
            assertEquals(want, old, what + ", record by record");
        }
    }

    /** Records about the length limit: the character that makes a record too long is counted as before. */
    @Test
    void theLengthLimitFallsOnTheSameCharacter() throws IOException {
        int max = CsvBlocks.MAX_RECORD;
        List<String> records = new ArrayList<>();
        for (int d = -3; d <= 2; d++) {
            records.add("a," + "x".repeat(max - 3 + d)); // plain
            records.add("b,\"" + "y".repeat(max - 6 + d) + "\""); // quoted
            records.add("c,\"" + "\"\"".repeat((max - 6 + d) / 2) + "z\n\""); // quotes written twice, a line break
            records.add("d,\"" + "w".repeat(max - 2 + d)); // never closed
        }
        String[] ends = {"\n", "\r\n", "\n\n", ""};
        Random r = new Random(7);
        for (String rec : records) {
            for (String end : ends) {
                String csv = "h1,h2\n" + rec + end + (end.isEmpty() ? "" : "next,row\n");
                List<Rec> want = reference(csv);
                String what = rec.substring(0, 3) + " of " + rec.length() + " characters, ending " + visible(end);
                assertEquals(want, blocks(new StringReader(csv), 1 << 16, 1000), what);
                assertEquals(want, blocks(new StringReader(csv), 100, 1), what);
                assertEquals(want, blocks(trickle(csv, 5000, r), 4096, 3), what);
            }
        }
        List<Rec> runaway = reference("h\n\"" + "v\n".repeat(max) + "\nlast\n");
        assertEquals(2, runaway.size(), "an unclosed quote runs on: " + runaway);
        assertTrue(runaway.get(1).problem().startsWith("the row is longer than 65536 characters (a quoted cell"));
        assertEquals(runaway, blocks(new StringReader("h\n\"" + "v\n".repeat(max) + "\nlast\n"), 64, 10));
    }

    @Test
    void aRowTooLongToKeepComesAloneAndTheLinesAfterItCount() throws IOException {
        String csv = "id,employer\nA,1\n\"B\",\"" + "x\n".repeat(40_000) + "\"\nC,2\n\nD,3";
        CsvBlocks blocks = new CsvBlocks(new StringReader(csv), 1024);
        CsvBlocks.Block first = blocks.next(10);
        assertEquals(2, first.records(), "the header and A, before the long row");
        assertEquals(1, first.firstLine());
        CsvBlocks.Block tooLong = blocks.next(10);
        assertNull(tooLong.text());
        assertEquals(3, tooLong.firstLine());
        assertTrue(tooLong.problem().startsWith("the row is longer than 65536 characters"), tooLong.problem());
        CsvBlocks.Block rest = blocks.next(10);
        assertEquals(2, rest.records());
        // B starts on line 3 and holds 40,000 line breaks: C is on line 40,004
        assertEquals(
                40_004, rest.firstLine(), "the line breaks of the long row are counted though its text is skipped");
        CsvTokenizer t = new CsvTokenizer();
        t.reset(rest.text(), rest.length(), rest.firstLine());
        assertTrue(t.next());
        assertEquals(40_004, t.line());
        assertEquals(List.of("C", "2"), List.of(t.cells().strings()));
        assertTrue(t.next());
        assertEquals(40_006, t.line(), "the blank line counts as a line");
        assertEquals(List.of("D", "3"), List.of(t.cells().strings()));
        assertNull(blocks.next(10));
    }

    @Test
    void blocksHoldAtMostTheirRowsAndAboutTheirCharacters() throws IOException {
        String csv = "a,b\n" + "1,\"x,\ny\"\n".repeat(1000);
        CsvBlocks blocks = new CsvBlocks(new StringReader(csv), 100);
        CsvBlocks.Block b;
        long rows = 0;
        long line = 1;
        while ((b = blocks.next(7)) != null) {
            assertTrue(b.records() <= 7);
            assertTrue(b.length() <= 100, "a block of " + b.length() + " characters");
            assertEquals(line, b.firstLine());
            line += countLines(b);
            rows += b.records();
        }
        assertEquals(1001, rows);
        assertEquals(2002, line, "every line accounted for");
    }

    @Test
    void theQuickBlankTestIsCharacterIsWhitespace() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertEquals(Character.isWhitespace((char) c), RowText.blank((char) c), "U+" + Integer.toHexString(c));
        }
    }

    private static long countLines(CsvBlocks.Block b) {
        long n = 0;
        for (int i = 0; i < b.length(); i++) {
            if (b.text()[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String visible(String s) {
        String t = s.replace("\r", "\\r").replace("\n", "\\n").replace("\uFEFF", "<BOM>");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
