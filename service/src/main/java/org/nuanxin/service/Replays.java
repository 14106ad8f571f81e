package org.nuanxin.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nuanxin.Assessment;
import org.nuanxin.Nuanxin;
import org.nuanxin.scenario.WorkerFile;
import org.nuanxin.service.Ledger.DecisionRecord;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Re-decides a recorded input under the rules serving now, on the date it was decided, and says whether the
 * decision is the same; when not, which fields changed and which rules decided differently.
 */
@Service
public class Replays {

    private static final List<String> FIELDS =
            List.of("status", "amount", "amount_min", "amount_max", "value", "missing");

    private final Nuanxin nuanxin;
    private final ObjectMapper json;

    public Replays(Nuanxin nuanxin, ObjectMapper json) {
        this.nuanxin = nuanxin;
        this.json = json;
    }

    /** The replay of a decision record, as the API answers it. */
    public Map<String, Object> replay(DecisionRecord record) {
        WorkerFile input = WorkerFile.parse("decision record " + record.id(), record.input());
        Assessment now = nuanxin.assess(record.region(), input.situation(), record.asOf());
        JsonNode was = json.readTree(record.decision());
        JsonNode is = json.readTree(json.writeValueAsString(Grants.decisionTree(now, record.benefit())));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String f : FIELDS) {
            JsonNode a = was.get(f);
            JsonNode b = is.get(f);
            if (!Objects.equals(a == null || a.isNull() ? null : a, b == null || b.isNull() ? null : b)) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("field", f);
                c.put("recorded", a);
                c.put("now", b);
                changes.add(c);
            }
        }
        Map<String, JsonNode> before = reasons(was);
        Map<String, JsonNode> after = reasons(is);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (String rule : union(before, after)) {
            JsonNode a = before.get(rule);
            JsonNode b = after.get(rule);
            if (!Objects.equals(a, b)) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("rule", rule);
                r.put("recorded_outcome", a == null ? null : a.get("outcome"));
                r.put("now_outcome", b == null ? null : b.get("outcome"));
                r.put("recorded_text_en", a == null ? null : a.get("text_en"));
                r.put("now_text_en", b == null ? null : b.get("text_en"));
                rules.add(r);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision_record", record.id().toString());
        out.put("region", record.region());
        out.put("benefit", record.benefit());
        out.put("as_of", record.asOf().toString());
        out.put("input_sha256", record.inputSha256());
        out.put("recorded_rule_set_version", record.ruleSetVersion());
        out.put("rule_set_version", now.ruleSetVersion());
        out.put("same", changes.isEmpty() && rules.isEmpty());
        out.put("changes", changes);
        out.put("rules", rules);
        out.put("recorded", was);
        out.put("now", is);
        return out;
    }

    /**
     * The reasons by rule and place: a rule may give several reasons (one per trip, say), so the n-th reason of
     * a rule is keyed {@code rule#n}; a reason is compared on its outcome, citation and texts.
     */
    private static Map<String, JsonNode> reasons(JsonNode decision) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        JsonNode reasons = decision.get("reasons");
        if (reasons != null) {
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (JsonNode r : reasons) {
                String rule = r.get("rule").asString();
                int n = seen.merge(rule, 1, Integer::sum);
                m.put(n == 1 ? rule : rule + "#" + n, r);
            }
        }
        return m;
    }

    private static List<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        List<String> all = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(all::add);
        return all;
    }
}
