package org.nuanxin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.nuanxin.InvalidInputException;
import org.nuanxin.model.Claim;
import org.nuanxin.population.PopulationReport;

/**
 * Claims joined from a second Dataset, shaped as the union service's {@code benefit_grant} table, hold the
 * once-a-year limits in a batch as the service holds them: a check-up granted this year is not granted again.
 */
class ClaimsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    private static final String CHECK_UP = "XIAN_FREE_HEALTH_CHECK";

    private static final StructType REGISTER = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.StringType, true),
            DataTypes.createStructField("new_employment_form", DataTypes.StringType, true),
            DataTypes.createStructField("work_city", DataTypes.StringType, true)));

    /** benefit_grant's columns that matter: member_id, region, benefit, status, claim_date. */
    private static final StructType GRANTS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("member_id", DataTypes.StringType, false),
            DataTypes.createStructField("region", DataTypes.StringType, false),
            DataTypes.createStructField("benefit", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("claim_date", DataTypes.DateType, false)));

    private static Dataset<Row> register() {
        List<Row> rows = new ArrayList<>();
        for (String id : List.of("had-it", "none", "waitlisted", "elsewhere", "last-year", "bad-date")) {
            rows.add(RowFactory.create(id, "true", "xian"));
        }
        return SharedSpark.spark().createDataFrame(rows, REGISTER);
    }

    private static Dataset<Row> grants() {
        return SharedSpark.spark()
                .createDataFrame(
                        List.of(
                                RowFactory.create("had-it", "xian", CHECK_UP, "GRANTED", Date.valueOf("2026-01-05")),
                                RowFactory.create(
                                        "had-it",
                                        "xian",
                                        "XIAN_ACCIDENT_MUTUAL_AID",
                                        "GRANTED",
                                        Date.valueOf("2026-02-01")),
                                RowFactory.create(
                                        "waitlisted", "xian", CHECK_UP, "WAITLISTED", Date.valueOf("2026-03-01")),
                                RowFactory.create(
                                        "elsewhere", "qingdao", CHECK_UP, "GRANTED", Date.valueOf("2026-03-01")),
                                RowFactory.create(
                                        "last-year", "xian", CHECK_UP, "GRANTED", Date.valueOf("2025-12-31"))),
                        GRANTS);
    }

    @Test
    void aCheckUpGrantedThisYearIsNotGrantedAgain() {
        Dataset<Row> decisions = NuanxinSpark.job("xian", AS_OF)
                .withClaims(grants())
                .assess(register())
                .filter(org.apache.spark.sql.functions.col("benefit").equalTo(CHECK_UP));
        Map<String, String> status = new java.util.TreeMap<>();
        for (Row r : decisions.collectAsList()) {
            status.put(r.getString(0), r.getString(2));
        }
        assertEquals("NOT_ELIGIBLE", status.get("had-it"), "granted this year");
        assertEquals("ELIGIBLE", status.get("none"));
        assertEquals("ELIGIBLE", status.get("waitlisted"), "a waiting-list place is no grant");
        assertEquals("ELIGIBLE", status.get("elsewhere"), "another region's grant");
        assertEquals("ELIGIBLE", status.get("last-year"), "last year's grant");
    }

    @Test
    void eachMembersDecisionsAreThoseOfNuanxinAssessWithTheirClaims() {
        String[] header = {"id", "new_employment_form", "work_city"};
        List<String[]> rows = new ArrayList<>();
        for (Row r : register().collectAsList()) {
            rows.add(new String[] {r.getString(0), r.getString(1), r.getString(2)});
        }
        Map<String, List<Claim>> claims = Map.of(
                "had-it",
                        List.of(
                                new Claim(CHECK_UP, LocalDate.of(2026, 1, 5)),
                                new Claim("XIAN_ACCIDENT_MUTUAL_AID", LocalDate.of(2026, 2, 1))),
                "last-year", List.of(new Claim(CHECK_UP, LocalDate.of(2025, 12, 31))));
        Map<String, List<String>> expected = Oracle.expected("xian", AS_OF, header, rows, claims);
        Map<String, List<String>> actual = new java.util.HashMap<>();
        for (Row r : NuanxinSpark.job("xian", AS_OF)
                .withClaims(grants())
                .assess(register())
                .collectAsList()) {
            actual.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(Oracle.text(r));
        }
        expected.forEach((id, d) -> assertEquals(d, actual.get(id), id));
    }

    @Test
    void totalsCountTheClaimsToo() {
        PopulationReport r =
                NuanxinSpark.job("xian", AS_OF).withClaims(grants()).totals(register());
        assertEquals(6, r.rows());
        assertEquals(5, r.benefit(CHECK_UP).orElseThrow().eligible(), "all but the member granted one this year");
        assertEquals(1, r.benefit(CHECK_UP).orElseThrow().notEligible());
    }

    @Test
    void aClaimThatIsNotADateMakesItsRowBad() {
        Dataset<Row> text = SharedSpark.spark()
                .createDataFrame(
                        List.of(RowFactory.create("bad-date", CHECK_UP, "05/01/2026")),
                        DataTypes.createStructType(List.of(
                                DataTypes.createStructField("member_id", DataTypes.StringType, false),
                                DataTypes.createStructField("benefit", DataTypes.StringType, false),
                                DataTypes.createStructField("claim_date", DataTypes.StringType, false))));
        PopulationReport r = NuanxinSpark.job("xian", AS_OF).withClaims(text).totals(register());
        assertEquals(1, r.badRows());
        assertEquals("claims", r.problems().get(0).field());
        assertTrue(
                r.problems().get(0).problem().contains("not a date '05/01/2026'"),
                r.problems().toString());
    }

    @Test
    void claimsNeedTheirColumnsAndTheRegistersId() {
        Dataset<Row> noDate = grants().drop("claim_date");
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> NuanxinSpark.job("xian", AS_OF).withClaims(noDate).assess(register()));
        assertTrue(e.getMessage().contains("no column claim_date"), e.getMessage());
        InvalidInputException noId = assertThrows(
                InvalidInputException.class,
                () -> NuanxinSpark.job("xian", AS_OF)
                        .withClaims(grants())
                        .assess(register().drop("id")));
        assertEquals("claims", noId.field());
    }
}
