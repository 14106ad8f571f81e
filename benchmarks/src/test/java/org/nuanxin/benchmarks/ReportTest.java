package org.nuanxin.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static String result(
            String cls,
            String method,
            String mode,
            int threads,
            String params,
            String unit,
            double score,
            String percentiles,
            double alloc) {
        return """
                {"jmhVersion":"1.37","benchmark":"org.nuanxin.benchmarks.%s.%s","mode":"%s","threads":%d,"forks":2,
                 "jdkVersion":"17.0.15","warmupIterations":5,"warmupTime":"2 s","measurementIterations":5,
                 "measurementTime":"2 s",%s
                 "primaryMetric":{"score":%s,"scoreError":"NaN","scorePercentiles":{%s},"scoreUnit":"%s"},
                 "secondaryMetrics":{"gc.alloc.rate.norm":{"score":%s,"scoreUnit":"B/op"}}}
                """.formatted(cls, method, mode, threads, params, score, percentiles, unit, alloc);
    }

    @Test
    void rendersRowsAndRatiosFromTheSameRun() {
        String xian = "\"params\":{\"region\":\"xian\"},";
        String json = "["
                + String.join(
                        ",",
                        result("Throughput1T", "facade", "thrpt", 1, xian, "ops/s", 50_000, "\"50.0\":1", 30_000),
                        result("Throughput1T", "plainDrools", "thrpt", 1, xian, "ops/s", 100_000, "\"50.0\":1", 60_000),
                        result("Throughput1T", "handCoded", "thrpt", 1, "", "ops/us", 5, "\"50.0\":1", 500),
                        result(
                                "Latency1T",
                                "facade",
                                "sample",
                                1,
                                xian,
                                "us/op",
                                20,
                                "\"50.0\":18.5,\"99.0\":40.0",
                                30_000),
                        result(
                                "Latency1T",
                                "handCoded",
                                "sample",
                                1,
                                "",
                                "ns/op",
                                200,
                                "\"50.0\":185,\"99.0\":400",
                                500))
                + "]";
        String md = Report.render("r.json", json);
        assertTrue(md.contains("| facade | xian | 1 | 50 000 | 18.5 | 40.0 | 30 000 |"), md);
        assertTrue(md.contains("| handCoded | xian | 1 | 5 000 000 | 0.185 | 0.400 | 500 |"), md);
        assertTrue(
                md.contains("| xian | 1 | facade | 0.500 | 0.0100 (1/100) | – | 100 | – | 100 | 0.500 | 60.0 |"), md);
    }

    @Test
    void facadeVariantsAreRowsOfTheirOwnComparedWithTheirRegionsPlainDrools() {
        String json = "["
                + String.join(
                        ",",
                        result(
                                "Throughput1T",
                                "facade",
                                "thrpt",
                                1,
                                "\"params\":{\"region\":\"qingdao\",\"cachedDecisions\":\"0\",\"evaluation\":\"direct\"},",
                                "ops/s",
                                300_000,
                                "\"50.0\":1",
                                3_000),
                        result(
                                "Throughput1T",
                                "facade",
                                "thrpt",
                                1,
                                "\"params\":{\"region\":\"qingdao\",\"cachedDecisions\":\"0\",\"evaluation\":\"rete\"},",
                                "ops/s",
                                60_000,
                                "\"50.0\":1",
                                20_000),
                        result(
                                "Throughput1T",
                                "plainDrools",
                                "thrpt",
                                1,
                                "\"params\":{\"region\":\"qingdao\"},",
                                "ops/s",
                                100_000,
                                "\"50.0\":1",
                                20_000),
                        result(
                                "Throughput1T",
                                "plainDrools",
                                "thrpt",
                                1,
                                "\"params\":{\"region\":\"xian\"},",
                                "ops/s",
                                1,
                                "\"50.0\":1",
                                1))
                + "]";
        String md = Report.render("r.json", json);
        assertTrue(md.contains("| facade (direct, cache off) | qingdao | 1 | 300 000 |"), md);
        assertTrue(md.contains("| facade (rete, cache off) | qingdao | 1 | 60 000 |"), md);
        assertTrue(md.contains("| qingdao | 1 | facade (direct, cache off) | 3.00 | – |"), md);
        assertTrue(md.contains("| qingdao | 1 | facade (rete, cache off) | 0.600 | – |"), md);
    }

    @Test
    void aWorkloadOtherThanSpreadIsComparedOnlyWithItself() {
        String json = "["
                + String.join(
                        ",",
                        result(
                                "Throughput1T",
                                "facade",
                                "thrpt",
                                1,
                                "\"params\":{\"region\":\"xian\",\"cachedDecisions\":\"10000\",\"workload\":\"day\"},",
                                "ops/s",
                                400_000,
                                "\"50.0\":1",
                                3_000),
                        result(
                                "Throughput1T",
                                "facade",
                                "thrpt",
                                1,
                                "\"params\":{\"region\":\"xian\",\"cachedDecisions\":\"10000\",\"workload\":\"spread\"},",
                                "ops/s",
                                300_000,
                                "\"50.0\":1",
                                3_000),
                        result(
                                "Throughput1T",
                                "handCoded",
                                "thrpt",
                                1,
                                "\"params\":{\"workload\":\"day\"},",
                                "ops/s",
                                8_000_000,
                                "\"50.0\":1",
                                400),
                        result(
                                "Throughput1T",
                                "handCoded",
                                "thrpt",
                                1,
                                "\"params\":{\"workload\":\"spread\"},",
                                "ops/s",
                                6_000_000,
                                "\"50.0\":1",
                                400))
                + "]";
        String md = Report.render("r.json", json);
        assertTrue(md.contains("| facade (cache on) | xian (day) | 1 | 400 000 |"), md);
        assertTrue(md.contains("| facade (cache on) | xian | 1 | 300 000 |"), md);
        assertTrue(md.contains("| xian (day) | 1 | facade (cache on) | – | 0.0500 (1/20.0) |"), md);
        assertTrue(md.contains("| xian | 1 | facade (cache on) | – | 0.0500 (1/20.0) |"), md);
    }

    @Test
    void ratios() {
        assertEquals("0.0200 (1/50.0)", Report.ratio(1, 50));
        assertEquals("48.0", Report.ratio(48, 1));
        assertEquals("–", Report.ratio(Double.NaN, 1));
    }
}
