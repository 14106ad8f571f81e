package org.nuanxin.service.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
import org.nuanxin.Reason;
import org.nuanxin.Status;
import org.nuanxin.service.ApiController;
import org.nuanxin.service.ApiProblem;
import org.nuanxin.service.CaseRequest;
import org.nuanxin.service.Grants;
import org.nuanxin.service.Ledger;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The staff's page ({@code /staff}, behind the login): a member's claims from the ledger, a case assessed with
 * them, a benefit granted through the same transaction as {@code POST /api/v1/grants} (decision and reasons
 * shown), and each benefit's places used and left as {@code GET /api/v1/quotas} gives them.
 */
@Controller
public class StaffPage {

    /** The case a new form starts with: a Xi'an courier, in the scenario vocabulary. */
    static final String EXAMPLE_CASE = """
            region: xian
            worker:
              occupation: COURIER
              new_employment_form: true
              work_city: xian
              hukou_province: henan
              union_member: true
            """;

    private final Nuanxin nuanxin;
    private final Ledger ledger;
    private final Grants grants;
    private final ApiController api;
    private final Clock clock;
    private final ObjectMapper json;

    public StaffPage(Nuanxin nuanxin, Ledger ledger, Grants grants, ApiController api, Clock clock, ObjectMapper json) {
        this.nuanxin = nuanxin;
        this.ledger = ledger;
        this.grants = grants;
        this.api = api;
        this.clock = clock;
        this.json = json;
    }

    /** A decision as the page lists it. */
    public record Row(String code, String name, String status, String amount, List<String> reasons) {}

    /** The outcome of a grant: status, waiting-list position, decision record, reasons. */
    public record GrantView(
            String id,
            String benefit,
            String status,
            Integer position,
            String record,
            String sha256,
            List<String> reasons) {}

    /** The login form (Spring Security checks the credentials). */
    @GetMapping("/login")
    public String login(@RequestParam(name = "lang", defaultValue = "zh") String lang, Model model) {
        basics(model, WorkerPage.lang(lang), null);
        return "login";
    }

    /** The page: the places of {@code region} in {@code year} (default: the first region, this year), and the
     * claims of {@code member} when one is named. */
    @GetMapping("/staff")
    public String page(
            @RequestParam(name = "lang", defaultValue = "zh") String lang,
            @RequestParam(name = "member", required = false) String member,
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "year", required = false) Integer year,
            Model model,
            HttpServletResponse response) {
        basics(model, WorkerPage.lang(lang), EXAMPLE_CASE);
        guarded(model, response, () -> ledgerView(model, member, region, year));
        return "staff";
    }

    /** Assesses the case with the member's claims from the ledger; stores nothing. */
    @PostMapping("/staff/assess")
    public String assess(
            @RequestParam(name = "lang", defaultValue = "zh") String lang,
            @RequestParam("member") String member,
            @RequestParam("case") String body,
            Model model,
            HttpServletResponse response) {
        boolean en = basics(model, WorkerPage.lang(lang), body);
        guarded(model, response, () -> {
            CaseRequest request = CaseRequest.read(body, Set.of(), nuanxin, today());
            ledgerView(model, member, request.region(), null);
            model.addAttribute("rows", rows(assess(request, member), en));
        });
        return "staff";
    }

    /** Grants a benefit: one transaction, as {@code POST /api/v1/grants}; a refusal shows why. */
    @PostMapping("/staff/grant")
    public String grant(
            @RequestParam(name = "lang", defaultValue = "zh") String lang,
            @RequestParam("member") String member,
            @RequestParam("case") String body,
            @RequestParam("benefit") String benefit,
            Authentication auth,
            Model model,
            HttpServletResponse response) {
        boolean en = basics(model, WorkerPage.lang(lang), body);
        boolean done = guarded(model, response, () -> {
            CaseRequest request = CaseRequest.read(body, Set.of(), nuanxin, today());
            ApiController.requireMemberId("member", member);
            Grants.Outcome o = grants.grant(request, member, benefit, auth.getName(), null);
            JsonNode decision = json.readTree(o.record().decision());
            List<String> reasons = new ArrayList<>();
            for (JsonNode r : decision.path("reasons")) {
                reasons.add(r.path(en ? "text_en" : "text_zh").asString());
            }
            model.addAttribute(
                    "granted",
                    new GrantView(
                            o.grant().id().toString(),
                            benefit,
                            o.grant().status(),
                            o.grant().waitlistPosition(),
                            o.record().id().toString(),
                            o.record().inputSha256(),
                            reasons));
            // the page after a grant shows the decisions, claims and places as they are now
            ledgerView(model, member, request.region(), null);
            model.addAttribute("rows", rows(assess(request, member), en));
        });
        if (!done) {
            // a refusal: the claims and places as they are, beside why
            guarded(model, response, () -> ledgerView(model, member, null, null));
        }
        return "staff";
    }

    /** The case assessed with the member's claims from the ledger. */
    private Assessment assess(CaseRequest request, String member) {
        return nuanxin.assess(
                request.region(), request.withClaims(ledger.claims(member, request.region())), request.asOf());
    }

    /** Runs {@code work}; a refusal or bad input becomes the page's problem line and status. */
    private static boolean guarded(Model model, HttpServletResponse response, Runnable work) {
        try {
            work.run();
            return true;
        } catch (ApiProblem e) {
            fail(model, response, e.status().value(), e.getMessage());
        } catch (InvalidInputException e) {
            fail(model, response, 400, e.getMessage());
        }
        return false;
    }

    /** The words and the case form; returns whether the page is in English. */
    private boolean basics(Model model, String lang, String body) {
        model.addAttribute("lang", lang);
        model.addAttribute("t", Texts.of(lang));
        model.addAttribute("regions", nuanxin.regionIds());
        model.addAttribute("caseText", body == null ? EXAMPLE_CASE : body);
        return lang.equals("en");
    }

    /** The places table and, with a member, the member's claims. */
    private void ledgerView(Model model, String member, String region, Integer year) {
        String r = region != null ? region : nuanxin.regionIds().get(0);
        int y = year != null ? year : today().getYear();
        model.addAttribute("region", r);
        model.addAttribute("year", y);
        model.addAttribute("quotas", api.quotas(r, y).get("benefits"));
        if (member != null && !member.isBlank()) {
            model.addAttribute("member", member);
            model.addAttribute("claims", api.claims(member));
        }
    }

    private static void fail(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        model.addAttribute("problem", message);
    }

    private static List<Row> rows(Assessment a, boolean en) {
        List<Row> rows = new ArrayList<>();
        for (Decision d : a.decisions()) {
            List<String> reasons = new ArrayList<>();
            for (Reason r : d.reasons()) {
                reasons.add(en ? r.textEn() : r.textZh());
            }
            rows.add(new Row(
                    d.benefit().code(),
                    en ? d.benefit().nameEn() : d.benefit().nameZh(),
                    d.status().name(),
                    d.status() == Status.NOT_ELIGIBLE
                            ? ""
                            : WorkerPage.money(d.amount(), d.value(), d.amountMin(), d.amountMax(), en),
                    reasons));
        }
        return rows;
    }

    private LocalDate today() {
        return Nuanxin.todayInShanghai(clock);
    }
}
