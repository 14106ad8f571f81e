package org.nuanxin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * An executor whose engine has another rule set than the job expects fails the job, in every task, before it decides a
 * row; and an executor JVM builds one engine, whatever the number of partitions, tasks and jobs.
 */
class RuleSetVersionTest {

    private static Dataset<Row> register() {
        return NuanxinSpark.readRegister(
                        SharedSpark.spark(), SharedSpark.register().toString())
                .limit(2_000)
                .repartition(4);
    }

    @Test
    void totalsFailWithBothVersionsNamed() {
        String real = SharedSpark.engine().region("xian").ruleSetVersion();
        RuleSetMismatchException e = assertThrows(
                RuleSetMismatchException.class,
                () -> NuanxinSpark.job("xian", SharedSpark.AS_OF)
                        .withRuleSetVersion("0000deadbeef")
                        .totals(register()));
        assertEquals("0000deadbeef", e.expected());
        assertEquals(real, e.found());
        assertTrue(e.getMessage().contains("executor driver"), e.getMessage()); // local mode: the driver's executor
        assertTrue(e.getMessage().contains("has rules " + real + " for region xian"), e.getMessage());
        assertTrue(e.getMessage().contains("the job expects 0000deadbeef"), e.getMessage());
        assertTrue(e.getCause() instanceof SparkException, "the failed job is its cause");
    }

    @Test
    void totalsOfACsvFileFailAlike() {
        RuleSetMismatchException e = assertThrows(
                RuleSetMismatchException.class,
                () -> NuanxinSpark.job("xian", SharedSpark.AS_OF)
                        .withRuleSetVersion("0000deadbeef")
                        .totalsOfCsv(SharedSpark.spark(), SharedSpark.register().toString()));
        assertEquals("0000deadbeef", e.expected());
        assertTrue(e.getMessage().contains("the job expects 0000deadbeef"), e.getMessage());
    }

    @Test
    void decisionsFailWhenAnActionRuns() {
        Dataset<Row> decisions = NuanxinSpark.job("xian", SharedSpark.AS_OF)
                .withRuleSetVersion("0000deadbeef")
                .assess(register());
        SparkException e = assertThrows(SparkException.class, decisions::count);
        assertTrue(String.valueOf(e.getMessage()).contains("rule set mismatch"), e.getMessage());
        assertTrue(NuanxinSpark.unwrapped(e) instanceof RuleSetMismatchException, "the task's exception is its cause");
    }

    @Test
    void theExpectedVersionPasses() {
        String real = SharedSpark.engine().region("xian").ruleSetVersion();
        long rows = NuanxinSpark.job("xian", SharedSpark.AS_OF)
                .withRuleSetVersion(real)
                .totals(register())
                .rows();
        assertEquals(2_000, rows);
    }

    @Test
    void oneEngineServesEveryTaskOfTheJvm() {
        List<Integer> engines = SharedSpark.spark()
                .range(0, 64, 1, 16)
                .mapPartitions(
                        (org.apache.spark.api.java.function.MapPartitionsFunction<Long, Integer>) it ->
                                List.of(System.identityHashCode(Engines.get())).iterator(),
                        Encoders.INT())
                .collectAsList();
        assertEquals(16, engines.size());
        assertEquals(1, engines.stream().distinct().count(), "16 tasks, one engine");
        NuanxinSpark.totals(register(), "xian", SharedSpark.AS_OF);
        NuanxinSpark.totals(register(), "xian", SharedSpark.AS_OF);
        assertEquals(1, Engines.builds(), "built once in this JVM, whatever the jobs");
    }
}
