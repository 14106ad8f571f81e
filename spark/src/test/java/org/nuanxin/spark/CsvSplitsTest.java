package org.nuanxin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.population.Population;
import org.nuanxin.population.PopulationReport;

/**
 * A register file cut into many small splits: each split read by population, the rows numbered as one reading
 * numbers them, and a quoted cell that spans lines caught and read whole.
 */
class CsvSplitsTest {

    private static final String MAX_SPLIT = "mapreduce.input.fileinputformat.split.maxsize";

    @TempDir
    Path dir;

    /** Splits of 4 KiB: some 25 rows each. */
    @BeforeEach
    void smallSplits() {
        SharedSpark.spark().sparkContext().hadoopConfiguration().setLong(MAX_SPLIT, 4096);
    }

    @AfterEach
    void usualSplits() {
        Configuration conf = SharedSpark.spark().sparkContext().hadoopConfiguration();
        conf.unset(MAX_SPLIT);
    }

    private Path firstRows(int rows, String extra) throws IOException {
        Path file = dir.resolve("register.csv");
        List<String> lines;
        try (var all = Files.lines(SharedSpark.register())) {
            lines = new ArrayList<>(all.limit(rows + 1).toList());
        }
        Files.writeString(file, String.join("\n", lines) + "\n" + extra, StandardCharsets.UTF_8);
        return file;
    }

    private static PopulationReport population(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Population.run(
                    SharedSpark.engine(),
                    "xian",
                    SharedSpark.AS_OF,
                    in,
                    Population.Options.defaults().withSource(file.toString()));
        }
    }

    private static PopulationReport spark(Path file) {
        return NuanxinSpark.totalsOfCsv(SharedSpark.spark(), file.toString(), "xian", SharedSpark.AS_OF);
    }

    @Test
    void manySplitsAddUpToOneReading() throws IOException {
        Path file = firstRows(3_000, "\n\n"); // blank lines at the end too
        PopulationReport expected = population(file);
        assertTrue(expected.badRows() > 10, "bad rows in many splits");
        TotalsTest.assertSameTotals(expected, spark(file));
    }

    @Test
    void aCellThatSpansLinesIsReadAsOneReadingReadsIt() throws IOException {
        List<String> lines = Files.readAllLines(firstRows(1_500, ""));
        // row 700's employer cell gets a line break, quoted: the rows after it are one line further on
        String[] cells = Oracle.split(lines.get(700));
        int employer = List.of(Oracle.split(lines.get(0))).indexOf("employer");
        cells[employer] = "Swift\nCouriers";
        lines.set(
                700,
                String.join(
                        ",",
                        java.util.Arrays.stream(cells)
                                .map(c -> c.matches("(?s).*[,\"\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                                .toList()));
        Path file = dir.resolve("spanning.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        PopulationReport expected = population(file);
        TotalsTest.assertSameTotals(expected, spark(file));

        // read whole only up to a size: a larger file is refused, naming it and the setting
        SharedSpark.spark().conf().set(CsvSplits.WHOLE_FILE_BYTES, "100000");
        try {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> spark(file));
            assertTrue(e.getMessage().contains("spanning.csv has " + Files.size(file) + " bytes"), e.getMessage());
            assertTrue(
                    e.getMessage().contains("over the limit of 100000 (spark.nuanxin.wholeFileBytes)"), e.getMessage());
        } finally {
            SharedSpark.spark().conf().unset(CsvSplits.WHOLE_FILE_BYTES);
        }
    }

    @Test
    void textThatIsNotUtf8IsBadInput() throws IOException {
        Path file = firstRows(2_000, "");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] = (byte) 0xC3; // a lead byte without its continuation
        bytes[bytes.length - 39] = (byte) 0x28;
        Files.write(file, bytes);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> spark(file));
        assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
    }

    @Test
    void aFolderOfFilesIsOneRegister() throws IOException {
        Path one = firstRows(400, "");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.copy(one, folder.resolve("a.csv"));
        Files.copy(one, folder.resolve("b.csv"));
        PopulationReport single = population(one);
        PopulationReport both =
                NuanxinSpark.totalsOfCsv(SharedSpark.spark(), folder.toString(), "xian", SharedSpark.AS_OF);
        assertEquals(2 * single.rows(), both.rows());
        assertEquals(2 * single.badRows(), both.badRows());
        for (int i = 0; i < single.benefits().size(); i++) {
            assertEquals(
                    single.benefits().get(i).merge(single.benefits().get(i)),
                    both.benefits().get(i),
                    single.benefits().get(i).code());
        }
        Files.writeString(folder.resolve("c.csv"), "id,work_city\nx,xian\n");
        MalformedFileException e = assertThrows(
                MalformedFileException.class,
                () -> NuanxinSpark.totalsOfCsv(SharedSpark.spark(), folder.toString(), "xian", SharedSpark.AS_OF));
        assertTrue(e.getMessage().contains("different header rows"), e.getMessage());
    }
}
