package org.nuanxin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.population.BenefitTotals;
import org.nuanxin.population.Population;
import org.nuanxin.population.PopulationReport;

/**
 * {@code totals} on Spark gives what {@code population} gives on the same register, every benefit, every figure, the
 * bad rows and their row numbers: over a Dataset of Spark's CSV source, and over the file's splits.
 */
class TotalsTest {

    @Test
    void totalsOfAGeneratedRegisterAreThoseOfPopulation() throws IOException {
        Path csv = SharedSpark.register();
        PopulationReport expected;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            expected = Population.run(
                    SharedSpark.engine(),
                    "xian",
                    SharedSpark.AS_OF,
                    in,
                    Population.Options.defaults().withSource(csv.toString()));
        }
        Dataset<Row> register = NuanxinSpark.readRegister(SharedSpark.spark(), csv.toString());
        assertTrue(
                register.rdd().getNumPartitions() >= 2,
                "the register is read in several partitions, so that partial totals are merged");

        PopulationReport fromDataset = NuanxinSpark.job("xian", SharedSpark.AS_OF)
                .withSource(csv.toString())
                .totals(register);
        PopulationReport fromSplits =
                NuanxinSpark.totalsOfCsv(SharedSpark.spark(), csv.toString(), "xian", SharedSpark.AS_OF);

        assertEquals(SharedSpark.ROWS, expected.rows());
        assertTrue(expected.badRows() > 500, "the register has bad rows of every kind: " + expected.badRows());
        assertSameTotals(expected, fromDataset);
        assertSameTotals(expected, fromSplits);
    }

    /** Every figure of {@code actual} is {@code expected}'s; but for the run's time, threads and rows in flight. */
    static void assertSameTotals(PopulationReport expected, PopulationReport actual) {
        assertEquals(expected.region(), actual.region());
        assertEquals(expected.asOf(), actual.asOf());
        assertEquals(expected.ruleSetVersion(), actual.ruleSetVersion());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.badRows(), actual.badRows());
        assertEquals(expected.problemCount(), actual.problemCount());
        assertEquals(expected.problems(), actual.problems(), "the same problems, numbered as the file's rows");
        assertEquals(expected.benefits().size(), actual.benefits().size());
        for (int i = 0; i < expected.benefits().size(); i++) {
            BenefitTotals e = expected.benefits().get(i);
            BenefitTotals a = actual.benefits().get(i);
            String code = e.code();
            assertEquals(e.benefit(), a.benefit(), code);
            assertEquals(e.eligible(), a.eligible(), code + " eligible");
            assertEquals(e.notEligible(), a.notEligible(), code + " not eligible");
            assertEquals(e.needsInfo(), a.needsInfo(), code + " needs info");
            assertEquals(e.cash(), a.cash(), code + " cash");
            assertEquals(e.cashMin(), a.cashMin(), code + " cash range low");
            assertEquals(e.cashMax(), a.cashMax(), code + " cash range high");
            assertEquals(e.value(), a.value(), code + " in-kind value");
            assertEquals(e.quota(), a.quota(), code + " quota");
            assertEquals(e.budget(), a.budget(), code + " budget");
            assertEquals(e.flags(), a.flags(), code + " flags");
            assertEquals(e.toString(), a.toString(), code + " as printed");
            assertEquals(e, a, code);
        }
    }

    @Test
    void aRunawayCellIsABadRowAsInPopulationWhateverTheSource(@TempDir Path dir) throws IOException {
        // a hostile register: a 300,000-character cell; population refuses the row (and does not keep its text)
        Path csv = dir.resolve("runaway.csv");
        Files.writeString(
                csv,
                "id,work_city,employer\na,xian,SF_EXPRESS\nb,xian,\"" + "x".repeat(300_000)
                        + "\"\nc,xian,SF_EXPRESS\n");
        PopulationReport expected;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            expected =
                    Population.run(SharedSpark.engine(), "xian", SharedSpark.AS_OF, in, Population.Options.defaults());
        }
        assertEquals(1, expected.badRows());
        PopulationReport overDataset = NuanxinSpark.totals(
                NuanxinSpark.readRegister(SharedSpark.spark(), csv.toString()), "xian", SharedSpark.AS_OF);
        assertEquals(expected.rows(), overDataset.rows());
        assertEquals(1, overDataset.badRows(), "read by Spark's CSV source, the row is as bad");
        assertEquals("columns", overDataset.problems().get(0).field());
        assertEquals(3, overDataset.problems().get(0).row());
        assertTrue(overDataset.problems().get(0).problem().startsWith("the row is longer than 65536 characters"));
        assertEquals(expected.benefits(), overDataset.benefits());
    }
}
