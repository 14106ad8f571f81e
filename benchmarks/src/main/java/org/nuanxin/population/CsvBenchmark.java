package org.nuanxin.population;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tokenising a register, one thread: the population package's hand-written CSV reading against Apache Commons
 * CSV. One operation reads a whole generated Xi'an register ({@link RegisterGenerator}, {@value #ROWS} rows
 * with event columns, seed 7, held in memory as a String: no I/O) into cells and adds up their lengths.
 *
 * <ul>
 *   <li>{@code blocks}: what a population run does: {@link CsvBlocks} cuts the text into blocks of whole
 *       records (64 Ki characters, at most 1,024 records, the run's defaults) and {@link CsvTokenizer} splits
 *       each record into a reused {@link RowText}, with no String per cell;</li>
 *   <li>{@code records}: {@link CsvReader}, the same code a record at a time, a String per cell (the header's
 *       path, and the same output as Commons CSV's);</li>
 *   <li>{@code commonsCsv}: {@link CSVFormat#RFC4180} with blank lines skipped, a {@link CSVRecord} per
 *       record, a String per cell.</li>
 * </ul>
 *
 * <p>It lives in the population package, beside the classes it measures, because they are package-private.
 * {@code CsvAgreementTest} checks that the three read the same cells.
 */
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CsvBenchmark {

    static final int ROWS = 20_000;
    /** A population run's defaults: blocks of about 64 Ki characters, at most 1,024 records. */
    static final int BLOCK_CHARS = 64 * 1024;

    static final int BLOCK_RECORDS = 1024;

    /** Commons CSV's reading of the register's grammar: RFC 4180, blank lines skipped. */
    static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** The register's text. */
    @State(Scope.Benchmark)
    public static class Register {
        String text;

        @Setup(Level.Trial)
        public void setup() {
            text = register(ROWS);
        }
    }

    /** A generated Xi'an register of {@code rows} data rows. */
    static String register(int rows) {
        StringWriter out = new StringWriter();
        try {
            RegisterGenerator.write(out, rows, "xian", 7);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Benchmark
    public long blocks(Register r) throws IOException {
        CsvBlocks blocks = new CsvBlocks(new StringReader(r.text), BLOCK_CHARS);
        CsvTokenizer tokenizer = new CsvTokenizer();
        long sum = 0;
        CsvBlocks.Block b;
        while ((b = blocks.next(BLOCK_RECORDS)) != null) {
            tokenizer.reset(b.text(), b.length(), b.firstLine());
            while (tokenizer.next()) {
                RowText cells = tokenizer.cells();
                for (int i = 0; i < cells.count(); i++) {
                    sum += cells.to(i) - cells.from(i);
                }
                sum++;
            }
        }
        return sum;
    }

    @Benchmark
    public long records(Register r) throws IOException {
        CsvReader in = new CsvReader(new StringReader(r.text));
        long sum = 0;
        CsvReader.Record rec;
        while ((rec = in.next()) != null) {
            for (String cell : rec.cells()) {
                sum += cell.length();
            }
            sum++;
        }
        return sum;
    }

    @Benchmark
    public long commonsCsv(Register r) throws IOException {
        long sum = 0;
        try (CSVParser p = FORMAT.parse(new StringReader(r.text))) {
            for (CSVRecord rec : p) {
                for (int i = 0; i < rec.size(); i++) {
                    sum += rec.get(i).length();
                }
                sum++;
            }
        }
        return sum;
    }
}
