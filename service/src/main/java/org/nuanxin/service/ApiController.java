package org.nuanxin.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;
import org.nuanxin.service.Ledger.Committed;
import org.nuanxin.service.Ledger.DecisionRecord;
import org.nuanxin.service.Ledger.Grant;
import org.nuanxin.service.Ledger.Quota;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The versioned REST API, {@code /api/v1}. Field names are the scenario vocabulary's (snake_case). */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApiController {

    /** A member id: pseudonymous, 1–64 letters, digits, {@code _ . -}, starting with a letter or digit. */
    static final String MEMBER_ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    private static final String MEMBER_ID_HINT =
            "a member id is 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit";
    private static final String CASE_EXAMPLE = "{\"region\": \"xian\", \"as_of\": \"2026-03-10\", \"worker\":"
            + " {\"occupation\": \"COURIER\", \"new_employment_form\": true, \"work_city\": \"xian\","
            + " \"hukou_province\": \"henan\", \"union_member\": true}, \"events\": [{\"type\": \"HOMECOMING_TRIP\","
            + " \"reason\": \"URGENT_MATTER\", \"union_certified\": true, \"ticket_cost\": 356.50}]}";
    private static final String GRANT_EXAMPLE = "{\"member_id\": \"M-1001\", \"benefit\": \"XIAN_FREE_HEALTH_CHECK\","
            + " \"region\": \"xian\", \"as_of\": \"2026-03-10\", \"worker\": {\"occupation\": \"COURIER\","
            + " \"new_employment_form\": true, \"work_city\": \"xian\", \"union_member\": true}}";

    private final Nuanxin nuanxin;
    private final Ledger ledger;
    private final Grants grants;
    private final Replays replays;
    private final Clock clock;
    private final ObjectMapper json;

    public ApiController(
            Nuanxin nuanxin, Ledger ledger, Grants grants, Replays replays, Clock clock, ObjectMapper json) {
        this.json = json;
        this.nuanxin = nuanxin;
        this.ledger = ledger;
        this.grants = grants;
        this.replays = replays;
        this.clock = clock;
    }

    @Tag(name = "catalogue")
    @Operation(summary = "The regions served, with their rule-set versions")
    @GetMapping("/regions")
    public List<Map<String, Object>> regions() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Region r : nuanxin.regions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("name_zh", r.nameZh());
            m.put("name_en", r.nameEn());
            m.put("source", r.source());
            m.put("rule_set_version", r.ruleSetVersion());
            m.put("benefits", r.benefits().size());
            out.add(m);
        }
        return out;
    }

    @Tag(name = "catalogue")
    @Operation(summary = "A region's benefit catalogue")
    @GetMapping("/regions/{id}/benefits")
    public List<Map<String, Object>> benefits(@PathVariable("id") String id) {
        if (!nuanxin.regionIds().contains(id)) {
            throw ApiProblem.notFound("no region '" + id + "'; GET /api/v1/regions lists them");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Benefit b : nuanxin.region(id).benefits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", b.code());
            m.put("name_zh", b.nameZh());
            m.put("name_en", b.nameEn());
            m.put("kind", b.kind().name());
            m.put("provider", b.provider().name());
            m.put("provider_name", b.providerName());
            m.put("payment", b.payment().name());
            m.put("limit", b.limit().yaml());
            m.put("quota", b.quotaKey().isEmpty() ? null : b.quotaKey());
            m.put("budget", b.budgetKey().isEmpty() ? null : b.budgetKey());
            m.put("source", b.source());
            m.put("clause", b.clause());
            out.add(m);
        }
        return out;
    }

    @Tag(name = "assessment")
    @Operation(
            summary = "Assess a case; stores nothing",
            description = "The body is a case in the scenario vocabulary (docs/scenario-format.md): region, as_of"
                    + " (default: today in Asia/Shanghai), worker, events, claims. With member_id (staff only) the"
                    + " claims come from the ledger instead.")
    @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> assess(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(name = "courier", value = CASE_EXAMPLE)))
                    @RequestBody
                    String body,
            Authentication auth) {
        CaseRequest request = CaseRequest.read(body, Set.of("member_id"), nuanxin, today());
        String member = request.root().text("member_id");
        org.nuanxin.model.Situation situation = request.file().situation();
        if (member != null) {
            Security.requireStaff(auth);
            member = request.required("member_id", MEMBER_ID, MEMBER_ID_HINT);
            if (!situation.claims().isEmpty()) {
                throw ApiProblem.invalid("claims", "with member_id the claims come from the ledger; leave them out");
            }
            situation = request.withClaims(ledger.claims(member, request.region()));
        }
        Assessment a = nuanxin.assess(request.region(), situation, request.asOf());
        return a.toTree();
    }

    @Tag(name = "ledger")
    @Operation(
            summary = "Grant a benefit to a member (staff)",
            description = "Re-assesses the case with the ledger's claims in one transaction; 409 with the reasons"
                    + " when not ELIGIBLE; takes a quota place or gives a waiting-list position; records the claim and"
                    + " a decision record. A repeated Idempotency-Key gives the first grant back (200).",
            security = @SecurityRequirement(name = "staff"))
    @PostMapping(path = "/grants", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> grant(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(name = "health check", value = GRANT_EXAMPLE)))
                    @RequestBody
                    String body,
            @Parameter(description = "makes a retried request safe: the same key gives the same grant")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String requestKey,
            Authentication auth) {
        CaseRequest request = CaseRequest.read(body, Set.of("member_id", "benefit"), nuanxin, today());
        String member = request.required("member_id", MEMBER_ID, MEMBER_ID_HINT);
        String benefit =
                request.required("benefit", "[A-Z][A-Z0-9_]{0,79}", "a benefit code, e.g. XIAN_FREE_HEALTH_CHECK");
        if (requestKey != null && !requestKey.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw ApiProblem.invalid("Idempotency-Key", "1 to 100 letters, digits, '_', '.', ':' or '-'");
        }
        Grants.Outcome o = grants.grant(request, member, benefit, auth.getName(), requestKey);
        Map<String, Object> out = grantJson(o.grant(), o.record());
        out.put("decision", json.readTree(o.record().decision()));
        if (!o.created()) {
            return ResponseEntity.ok(out);
        }
        return ResponseEntity.created(URI.create("/api/v1/grants/" + o.grant().id()))
                .body(out);
    }

    @Tag(name = "ledger")
    @Operation(summary = "A grant with its decision record (staff)", security = @SecurityRequirement(name = "staff"))
    @GetMapping("/grants/{id}")
    public Map<String, Object> grant(@PathVariable("id") String id) {
        Grant g = ledger.grant(uuid(id)).orElseThrow(() -> ApiProblem.notFound("no grant " + id));
        DecisionRecord r = ledger.decisionRecord(g.decisionId()).orElseThrow();
        Map<String, Object> out = grantJson(g, r);
        out.put("input", r.input());
        return out;
    }

    @Tag(name = "ledger")
    @Operation(
            summary = "Re-decide a grant's recorded input under the rules serving now (staff)",
            description = "Same date, same claims: 'same' is true, or 'changes' lists the fields that changed and"
                    + " 'rules' the rules whose outcome changed.",
            security = @SecurityRequirement(name = "staff"))
    @GetMapping("/grants/{id}/replay")
    public Map<String, Object> replay(@PathVariable("id") String id) {
        Grant g = ledger.grant(uuid(id)).orElseThrow(() -> ApiProblem.notFound("no grant " + id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("grant", g.id().toString());
        out.putAll(replays.replay(ledger.decisionRecord(g.decisionId()).orElseThrow()));
        return out;
    }

    @Tag(name = "ledger")
    @Operation(summary = "A member's grants, oldest first (staff)", security = @SecurityRequirement(name = "staff"))
    @GetMapping("/members/{id}/claims")
    public List<Map<String, Object>> claims(@PathVariable("id") String id) {
        requireMemberId("id", id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Grant g : ledger.grantsOf(id)) {
            out.add(grantJson(g, null));
        }
        return out;
    }

    @Tag(name = "ledger")
    @Operation(
            summary = "Places used and left, cash and value committed against the budget (staff)",
            security = @SecurityRequirement(name = "staff"))
    @GetMapping("/quotas")
    public Map<String, Object> quotas(
            @RequestParam("region") String region, @RequestParam(name = "year", required = false) Integer year) {
        if (!nuanxin.regionIds().contains(region)) {
            throw ApiProblem.invalid("region", "no region '" + region + "'; one of " + nuanxin.regionIds());
        }
        int y = year == null ? today().getYear() : year;
        if (y < 1900 || y > 2200) {
            throw ApiProblem.invalid("year", "a year from 1900 to 2200");
        }
        Region r = nuanxin.region(region);
        // the quota and budget in force today for this year, else on the year's last day
        LocalDate day = today().getYear() == y ? today() : LocalDate.of(y, 12, 31);
        Map<String, Quota> used = new LinkedHashMap<>();
        ledger.quotas(region, y).forEach(q -> used.put(q.benefit(), q));
        Map<String, Committed> committed = new LinkedHashMap<>();
        ledger.committed(region, y).forEach(c -> committed.put(c.benefit(), c));
        List<Map<String, Object>> benefits = new ArrayList<>();
        for (Benefit b : r.benefits()) {
            if (b.quotaKey().isEmpty() && b.budgetKey().isEmpty() && !committed.containsKey(b.code())) {
                continue;
            }
            Quota q = used.get(b.code());
            Committed c =
                    committed.getOrDefault(b.code(), new Committed(b.code(), 0, BigDecimal.ZERO, BigDecimal.ZERO));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benefit", b.code());
            m.put("name_zh", b.nameZh());
            m.put("name_en", b.nameEn());
            Integer places = b.quotaKey().isEmpty() ? null : q != null ? q.places() : Grants.places(r, b, day);
            m.put("places", places);
            m.put("used", places == null ? null : q == null ? 0 : q.used());
            m.put("left", places == null ? null : places - (q == null ? 0 : q.used()));
            m.put("waitlisted", q == null ? 0 : q.waitlisted());
            m.put("grants", c.grants());
            m.put("cash_committed", c.cash().setScale(2));
            m.put("value_committed", c.value().setScale(2));
            BigDecimal budget = Grants.budget(r, b, day);
            m.put("budget", budget);
            m.put(
                    "budget_left",
                    budget == null
                            ? null
                            : budget.subtract(c.cash()).subtract(c.value()).setScale(2));
            benefits.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", region);
        out.put("year", y);
        out.put("rule_set_version", r.ruleSetVersion());
        out.put("benefits", benefits);
        return out;
    }

    /**
     * Checks a member id: 1–64 letters, digits, {@code _ . -}, starting with a letter or digit.
     *
     * @throws ApiProblem 400 naming {@code field} when {@code id} is not one
     */
    public static void requireMemberId(String field, String id) {
        if (id == null || !id.matches(MEMBER_ID)) {
            throw ApiProblem.invalid(field, MEMBER_ID_HINT);
        }
    }

    private LocalDate today() {
        return Nuanxin.todayInShanghai(clock);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("id", "a grant id is a UUID, as POST /api/v1/grants returned it");
        }
    }

    private static Map<String, Object> grantJson(Grant g, DecisionRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id().toString());
        m.put("member_id", g.memberId());
        m.put("region", g.region());
        m.put("benefit", g.benefit());
        m.put("status", g.status());
        m.put("waitlist_position", g.waitlistPosition());
        m.put("claim_date", g.claimDate().toString());
        m.put("quota_year", g.quotaYear());
        m.put("amount", g.amount());
        m.put("value", g.value());
        m.put("granted_by", g.grantedBy());
        m.put("created_at", g.createdAt() == null ? null : g.createdAt().toString());
        if (r != null) {
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("id", r.id().toString());
            rec.put("as_of", r.asOf().toString());
            rec.put("rule_set_version", r.ruleSetVersion());
            rec.put("input_sha256", r.inputSha256());
            m.put("decision_record", rec);
        } else {
            m.put("decision_record", g.decisionId().toString());
        }
        return m;
    }
}
