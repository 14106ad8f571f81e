package org.nuanxin.service.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
import org.nuanxin.Reason;
import org.nuanxin.Region;
import org.nuanxin.Status;
import org.nuanxin.interview.Choice;
import org.nuanxin.interview.Interview;
import org.nuanxin.interview.Possibility;
import org.nuanxin.interview.Question;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The worker's page: the guided interview one question at a time, then the result grouped by what the worker
 * can do. Stateless: every answer so far travels in the form (hidden fields, in order), nothing is stored and no
 * cookie is set; going back drops the last answer.
 */
@Controller
public class WorkerPage {

    private final Nuanxin nuanxin;
    private final Clock clock;

    public WorkerPage(Nuanxin nuanxin, Clock clock) {
        this.nuanxin = nuanxin;
        this.clock = clock;
    }

    /**
     * The start page.
     *
     * @param asOf the date to assess on, {@code YYYY-MM-DD} (a hotline checking a past case); today in
     *     Asia/Shanghai when absent
     */
    @GetMapping("/")
    public String start(
            @RequestParam(name = "lang", defaultValue = "zh") String lang,
            @RequestParam(name = "as_of", required = false) String asOf,
            Model model) {
        model.addAttribute("lang", lang(lang));
        model.addAttribute("t", Texts.of(lang(lang)));
        model.addAttribute("asOfParam", date(asOf) == null ? null : asOf);
        return "index";
    }

    /** One step: the answers so far plus this one (or a skip, or back), then the next question or the result. */
    @PostMapping("/interview")
    public String step(
            @RequestParam(name = "lang", defaultValue = "zh") String lang,
            @RequestParam(name = "answer", required = false) List<String> answers,
            @RequestParam(name = "field", required = false) String field,
            @RequestParam(name = "value", required = false) String value,
            @RequestParam(name = "action", defaultValue = "answer") String action,
            @RequestParam(name = "as_of", required = false) String asOfText,
            Model model) {
        lang = lang(lang);
        List<String> given = new ArrayList<>(answers == null ? List.of() : answers);
        if (given.size() > 200) {
            given = given.subList(0, 200);
        }
        String error = null;
        if (action.equals("back") && !given.isEmpty()) {
            given.remove(given.size() - 1);
        } else if (field != null && !field.isBlank() && (action.equals("answer") || action.equals("skip"))) {
            if (action.equals("skip") || value == null || value.isBlank()) {
                given.add(field);
            } else {
                given.add(field + "=" + value.strip());
            }
        }
        LocalDate asOf = date(asOfText);
        if (asOf == null) {
            asOf = Nuanxin.todayInShanghai(clock);
        }
        Interview interview = Interview.start(nuanxin.unlistened(), asOf, nuanxin.regionIds(), List.of());
        List<String> kept = new ArrayList<>();
        for (String a : given) {
            int eq = a.indexOf('=');
            try {
                interview = eq < 0 ? interview.skip(a) : interview.answer(a.substring(0, eq), a.substring(eq + 1));
                kept.add(a);
            } catch (InvalidInputException e) {
                error = e.problem(); // the answer just given (or a tampered one) is dropped and asked again
            }
        }
        List<Question> next = interview.next();
        model.addAttribute("lang", lang);
        model.addAttribute("t", Texts.of(lang));
        model.addAttribute("answers", kept);
        model.addAttribute("answeredCount", kept.size());
        model.addAttribute("error", error);
        model.addAttribute("asOf", asOf.toString());
        if (!next.isEmpty()) {
            Question q = next.get(0);
            model.addAttribute("q", question(q, lang));
            model.addAttribute("progress", 100 * kept.size() / (kept.size() + next.size()));
            return "question";
        }
        model.addAttribute("groups", groups(interview, lang));
        return "result";
    }

    /** A question as the page shows it. */
    public record QuestionView(
            String field, String kind, String prompt, String help, List<Choice> options, String hint) {}

    /** A benefit in the result. */
    public record Item(
            String code, String name, String region, String amount, String apply, String missing, List<Why> why) {}

    /** One reason of a decision: its text and the clause it rests on. */
    public record Why(String text, String clause, String source) {}

    /** A group of the result. */
    public record Group(String id, String title, List<Item> items) {}

    private static QuestionView question(Question q, String lang) {
        boolean en = lang.equals("en");
        String hint = switch (q.kind()) {
            case PLACE -> Texts.of(lang).get("placeHint");
            case DATE -> Texts.of(lang).get("dateHint");
            case MONEY -> Texts.of(lang).get("moneyHint");
            case COUNT -> Texts.of(lang).get("countHint");
            default -> "";
        };
        return new QuestionView(
                q.field(),
                q.kind().name(),
                en ? q.promptEn() : q.promptZh(),
                en ? q.helpEn() : q.helpZh(),
                q.options(),
                hint);
    }

    private List<Group> groups(Interview interview, String lang) {
        boolean en = lang.equals("en");
        var t = Texts.of(lang);
        List<Item> possible = new ArrayList<>();
        // a benefit that an event would bring is shown once, under what would bring it
        java.util.Set<String> possibleCodes = new java.util.HashSet<>();
        for (Possibility p : interview.possibilities()) {
            possibleCodes.add(p.region() + "/" + p.code());
            Region region = nuanxin.region(p.region());
            Benefit b = region.benefits().stream()
                    .filter(x -> x.code().equals(p.code()))
                    .findFirst()
                    .orElseThrow();
            possible.add(new Item(
                    p.code(),
                    en ? b.nameEn() : b.nameZh(),
                    en ? region.nameEn() : region.nameZh(),
                    money(p.cash(), p.value(), null, null, en),
                    apply(b, region, en),
                    "",
                    List.of(new Why(en ? p.textEn() : p.textZh(), b.clause(), b.source()))));
        }
        List<Item> eligible = new ArrayList<>();
        List<Item> needs = new ArrayList<>();
        List<Item> not = new ArrayList<>();
        for (Assessment a : interview.assessments().values()) {
            Region region = nuanxin.region(a.region());
            for (Decision d : a.decisions()) {
                if (possibleCodes.contains(a.region() + "/" + d.benefit().code())) {
                    continue;
                }
                Item item = item(d, region, en);
                (d.status() == Status.ELIGIBLE ? eligible : d.status() == Status.NEEDS_INFO ? needs : not).add(item);
            }
        }
        return List.of(
                new Group("eligible", t.get("eligible"), eligible),
                new Group("needs-info", t.get("needsInfo"), needs),
                new Group("possible", t.get("possible"), possible),
                new Group("not-eligible", t.get("notEligible"), not));
    }

    private static Item item(Decision d, Region region, boolean en) {
        Benefit b = d.benefit();
        List<Why> why = new ArrayList<>();
        for (Reason r : d.reasons()) {
            why.add(new Why(en ? r.textEn() : r.textZh(), r.clause(), r.source()));
        }
        return new Item(
                b.code(),
                en ? b.nameEn() : b.nameZh(),
                en ? region.nameEn() : region.nameZh(),
                d.status() == Status.NOT_ELIGIBLE ? "" : money(d.amount(), d.value(), d.amountMin(), d.amountMax(), en),
                apply(b, region, en),
                String.join(", ", d.missing()),
                why);
    }

    private static String apply(Benefit b, Region region, boolean en) {
        return b.providerName().isEmpty() ? (en ? region.nameEn() : region.nameZh()) : b.providerName();
    }

    /** {@code 200.00元} / {@code CNY 200.00}, {@code 价值190.00元} / {@code worth CNY 190.00}, a range, or empty. */
    static String money(BigDecimal cash, BigDecimal value, BigDecimal min, BigDecimal max, boolean en) {
        if (cash != null) {
            return en ? "CNY " + cash.toPlainString() : cash.toPlainString() + "元";
        }
        if (min != null && max != null) {
            return en
                    ? "CNY " + min.toPlainString() + "–" + max.toPlainString()
                    : min.toPlainString() + "–" + max.toPlainString() + "元";
        }
        if (value != null) {
            return en ? "worth CNY " + value.toPlainString() : "价值" + value.toPlainString() + "元";
        }
        return "";
    }

    /** The date in {@code text}, or null when it is absent or not a date. */
    private static LocalDate date(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static String lang(String lang) {
        return "en".equals(lang) ? "en" : "zh";
    }
}
