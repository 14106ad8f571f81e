package org.nuanxin.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assess} on Spark decides each row as {@code Nuanxin.assess} does, one output row per benefit. */
class AssessTest {

    /** Rows 1 to 400 and 60,001 to 60,400 of the generated register: good rows and a few bad ones of each kind. */
    private static List<String[]> sample() {
        Path csv = SharedSpark.register();
        List<String[]> lines = new ArrayList<>(Oracle.lines(csv, 1, 400));
        lines.addAll(Oracle.lines(csv, 60_001, 60_400).subList(1, 401));
        return lines;
    }

    private static Map<String, List<String>> actual(Dataset<Row> decisions) {
        Map<String, List<String>> byMember = new LinkedHashMap<>();
        for (Row r : decisions.collectAsList()) {
            byMember.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(Oracle.text(r));
        }
        return byMember;
    }

    @Test
    void everyRowOfASampleIsDecidedAsNuanxinAssessDecidesIt() {
        List<String[]> lines = sample();
        String[] header = lines.get(0);
        List<String[]> rows = lines.subList(1, lines.size());
        Map<String, List<String>> expected = Oracle.expected("xian", SharedSpark.AS_OF, header, rows, Map.of());
        assertTrue(
                expected.values().stream().anyMatch(d -> d.get(0).contains(NuanxinSpark.INVALID)),
                "the sample has bad rows");

        Dataset<Row> register = NuanxinSpark.readRegister(
                        SharedSpark.spark(), SharedSpark.register().toString())
                .filter(col("id").isin((Object[]) expected.keySet().toArray(String[]::new)));
        Dataset<Row> decisions = NuanxinSpark.assess(register, "xian", SharedSpark.AS_OF);

        assertEquals(NuanxinSpark.DECISIONS, decisions.schema());
        Map<String, List<String>> actual = actual(decisions);
        assertEquals(expected.keySet(), actual.keySet(), "every member, once");
        expected.forEach((id, rowsOf) -> assertEquals(rowsOf, actual.get(id), id));
    }

    @Test
    void typedColumnsOfParquetAreReadAsTheirText(@TempDir Path dir) {
        List<String[]> lines = Oracle.lines(SharedSpark.register(), 1, 300);
        String[] header = lines.get(0);
        Map<String, List<String>> expected =
                Oracle.expected("xian", SharedSpark.AS_OF, header, lines.subList(1, lines.size()), Map.of());

        // the register as a data platform might hold it: booleans, dates and amounts typed, the children a list
        Dataset<Row> csv = NuanxinSpark.readRegister(
                        SharedSpark.spark(), SharedSpark.register().toString())
                .filter(col("id").isin((Object[]) expected.keySet().toArray(String[]::new)))
                .drop(NuanxinSpark.CORRUPT_RECORD);
        // (try_cast: a bad cell becomes null, where Spark 4's ANSI cast would fail the query)
        Dataset<Row> typed = csv.withColumn("union_member", col("union_member").try_cast(DataTypes.BooleanType))
                .withColumn("birth_date", col("birth_date").try_cast(DataTypes.DateType))
                .withColumn("trip_ticket_cost", col("trip_ticket_cost").try_cast(DataTypes.createDecimalType(12, 2)))
                .withColumn(
                        "children", when(col("children").equalTo("-"), array()).otherwise(split(col("children"), ";")));
        String parquet = dir.resolve("register.parquet").toString();
        typed.write().parquet(parquet);
        Dataset<Row> register = NuanxinSpark.readRegister(SharedSpark.spark(), parquet);
        assertTrue(Arrays.asList(register.columns()).contains("children"));
        assertEquals(
                DataTypes.BooleanType, register.schema().apply("union_member").dataType());

        Map<String, List<String>> actual = actual(NuanxinSpark.assess(register, "xian", SharedSpark.AS_OF));
        // a typed column cannot hold a bad cell's text: compare the rows whose cells all survived the casts
        int compared = 0;
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            if (!e.getValue().get(0).contains(NuanxinSpark.INVALID)) {
                assertEquals(e.getValue(), actual.get(e.getKey()), e.getKey());
                compared++;
            }
        }
        assertTrue(compared > 250, "compared " + compared);
    }
}
