package org.nuanxin.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nuanxin.Assessment;
import org.nuanxin.Nuanxin;
import org.nuanxin.input.YamlNode;
import org.nuanxin.interview.Choice;
import org.nuanxin.interview.Interview;
import org.nuanxin.interview.Possibility;
import org.nuanxin.interview.Question;
import org.nuanxin.interview.Stake;
import org.nuanxin.scenario.WorkerFile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guided interview over HTTP, stateless: the client sends every answer so far and gets the next question
 * (or none), with the decisions on the answers so far. Nothing is stored; going back is sending fewer answers.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class InterviewController {

    /** Most answers one request may carry (an interview asks a few dozen at most). */
    static final int MAX_ANSWERS = 200;

    private static final String EXAMPLE = "{\"as_of\": \"2026-03-10\", \"answers\": {\"new_employment_form\": true,"
            + " \"work_city\": \"雁塔区\", \"union_member\": \"是\"}}";

    private final Nuanxin nuanxin;
    private final Clock clock;

    public InterviewController(Nuanxin nuanxin, Clock clock) {
        this.nuanxin = nuanxin;
        this.clock = clock;
    }

    @Tag(name = "interview")
    @Operation(
            summary = "The next question of the guided interview; stores nothing",
            description = "Body: as_of (default today in Asia/Shanghai), regions (default all), answers in the order"
                    + " given: field → answer as a person types it (是/否, true/false, a city or district, a date,"
                    + " a number), or null for 'don't know'. The answer: the next question (null when done), the"
                    + " answers as read, and each region's decisions on them.")
    @PostMapping(path = "/interviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> next(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(name = "started", value = EXAMPLE)))
                    @RequestBody
                    String body) {
        YamlNode root = YamlNode.parse(CaseRequest.BODY, body);
        root.allowOnly(List.of("as_of", "regions", "answers"));
        LocalDate asOf = root.get("as_of") == null || root.get("as_of").isNull()
                ? Nuanxin.todayInShanghai(clock)
                : WorkerFile.asOf(root.get("as_of"));
        List<String> regions = new ArrayList<>();
        YamlNode r = root.get("regions");
        if (r == null || r.isNull()) {
            regions.addAll(nuanxin.regionIds());
        } else {
            for (YamlNode item : r.items()) {
                regions.add(item.text());
            }
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        YamlNode a = root.get("answers");
        if (a != null && !a.isNull()) {
            if (a.entries().size() > MAX_ANSWERS) {
                throw ApiProblem.invalid("answers", "at most " + MAX_ANSWERS + " answers");
            }
            for (Map.Entry<String, YamlNode> e : a.entries().entrySet()) {
                YamlNode v = e.getValue();
                answers.put(e.getKey(), v.isNull() ? null : v.isBoolean() ? Boolean.valueOf(v.text()) : v.text());
            }
        }
        Interview interview = Interview.start(nuanxin.unlistened(), asOf, regions, List.of());
        for (Map.Entry<String, Object> e : answers.entrySet()) {
            try {
                interview =
                        e.getValue() == null ? interview.skip(e.getKey()) : interview.answer(e.getKey(), e.getValue());
            } catch (org.nuanxin.InvalidInputException x) {
                throw ApiProblem.invalid("answers." + x.field(), x.problem());
            }
        }
        List<Question> next = interview.next();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", asOf.toString());
        out.put("done", next.isEmpty());
        out.put("question", next.isEmpty() ? null : question(next.get(0)));
        out.put("answers", interview.answers());
        Map<String, Object> assessments = new LinkedHashMap<>();
        for (Map.Entry<String, Assessment> e : interview.assessments().entrySet()) {
            assessments.put(e.getKey(), e.getValue().toTree());
        }
        out.put("assessments", assessments);
        List<Object> possibilities = new ArrayList<>();
        for (Possibility p : interview.possibilities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", p.region());
            m.put("benefit", p.code());
            m.put("event", p.event());
            m.put("text_zh", p.textZh());
            m.put("text_en", p.textEn());
            m.put("cash", p.cash());
            m.put("value", p.value());
            possibilities.add(m);
        }
        out.put("possibilities", possibilities);
        return out;
    }

    private static Map<String, Object> question(Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", q.field());
        m.put("kind", q.kind().name());
        List<Object> options = new ArrayList<>();
        for (Choice c : q.options()) {
            options.add(Map.of("value", c.value(), "zh", c.zh(), "en", c.en()));
        }
        m.put("options", options);
        m.put("prompt_zh", q.promptZh());
        m.put("prompt_en", q.promptEn());
        m.put("help_zh", q.helpZh());
        m.put("help_en", q.helpEn());
        List<Object> stakes = new ArrayList<>();
        for (Stake s : q.stakes()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("region", s.region());
            sm.put("benefit", s.code());
            sm.put("name_zh", s.nameZh());
            sm.put("name_en", s.nameEn());
            sm.put("cash", s.cash());
            sm.put("value", s.value());
            stakes.add(sm);
        }
        m.put("stakes", stakes);
        return m;
    }
}
