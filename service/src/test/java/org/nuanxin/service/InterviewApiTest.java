package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The stateless interview over HTTP: a Xi'an courier answered to the end, and a changed answer. */
class InterviewApiTest extends ServiceTest {

    @Test
    void walksACourierToHerDecisionsStoringNothing() {
        Integer records = jdbc.queryForObject("SELECT count(*) FROM decision_record", Integer.class);
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> script = Map.of(
                "new_employment_form", "true",
                "work_city", "\"雁塔区\"",
                "union_member", "\"是\"",
                "occupation", "\"COURIER\"");
        JsonNode step = step(answers);
        int asked = 0;
        while (!step.get("done").asBoolean() && asked < 40) {
            JsonNode q = step.get("question");
            String field = q.get("field").asString();
            assertThat(q.get("prompt_zh").asString()).isNotBlank();
            assertThat(q.get("prompt_en").asString()).isNotBlank();
            // the scripted answers, else "don't know"
            answers.put(field, script.getOrDefault(field, "null"));
            step = step(answers);
            asked++;
        }
        assertThat(step.get("done").asBoolean()).isTrue();
        assertThat(step.get("question").isNull()).isTrue();
        JsonNode xian = step.get("assessments").get("xian");
        assertThat(ApiTest.decision(xian, "XIAN_FREE_HEALTH_CHECK")
                        .get("status")
                        .asString())
                .isEqualTo("ELIGIBLE");
        assertThat(ApiTest.decision(xian, "XIAN_FREE_HEALTH_CHECK").get("value").decimalValue())
                .isEqualByComparingTo("190.00");
        assertThat(step.get("answers").get("work_city").asString()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_record", Integer.class))
                .isEqualTo(records);

        // going back: the same answers without the last ones give the earlier question again
        Map<String, String> fewer = new LinkedHashMap<>();
        answers.entrySet().stream().limit(1).forEach(e -> fewer.put(e.getKey(), e.getValue()));
        JsonNode back = step(fewer);
        assertThat(back.get("done").asBoolean()).isFalse();
        assertThat(back.get("question").get("field").asString())
                .isEqualTo(answers.keySet().stream().skip(1).findFirst().orElseThrow());
    }

    @Test
    void aBadAnswerNamesItsField() {
        Answer a = post(
                "/api/v1/interviews", "{\"as_of\": \"2026-03-10\", \"answers\": {\"birth_date\": \"soon\"}}", null);
        ApiTest.assertProblem(a, 400, "answers.birth_date");
        Answer unknown =
                post("/api/v1/interviews", "{\"as_of\": \"2026-03-10\", \"answers\": {\"shoe_size\": \"42\"}}", null);
        ApiTest.assertProblem(unknown, 400, "answers.shoe_size");
    }

    private JsonNode step(Map<String, String> answers) {
        StringBuilder body = new StringBuilder("{\"as_of\": \"2026-03-10\", \"answers\": {");
        String sep = "";
        for (Map.Entry<String, String> e : answers.entrySet()) {
            body.append(sep).append('"').append(e.getKey()).append("\": ").append(e.getValue());
            sep = ", ";
        }
        Answer a = post("/api/v1/interviews", body.append("}}").toString(), null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }
}
