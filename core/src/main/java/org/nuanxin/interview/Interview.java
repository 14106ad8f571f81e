package org.nuanxin.interview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nuanxin.Assessment;
import org.nuanxin.Assessor;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Reason;
import org.nuanxin.Region;
import org.nuanxin.Status;
import org.nuanxin.model.Claim;
import org.nuanxin.model.Event;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.Situation;
import org.nuanxin.model.Worker;

/**
 * A guided interview: asks a worker only what can still change a decision, across every programme
 * the engine serves. An immutable value: {@link #answer} gives a new interview, so a stateless web
 * service can keep one between requests (its {@link #answers()} are all it needs to rebuild it with
 * {@link #resume}).
 *
 * <pre>{@code
 * Interview i = Interview.start(nuanxin, LocalDate.of(2026, 3, 10));
 * while (!i.next().isEmpty()) {
 *     Question q = i.next().get(0);
 *     i = i.answer(q.field(), askTheWorker(q));   // "是", "COURIER", "雁塔区", "1990-05-01"…
 * }
 * Map<String, Assessment> result = i.assessments(); // one per programme that can still include them
 * }</pre>
 *
 * <p>The questions come from the rules, never from a list per region: the fields the undecided
 * benefits still miss, the details of the events told so far, and whether an event happened that some
 * benefit would then pay for. Each is ranked by trying the answers the rules distinguish ({@code
 * Probes}): how many undecided benefits an answer settles on average, then the money at stake. A
 * question no answer of which would change any decision's status or amount is not asked, with one
 * exception: when two unknowns decide a benefit only together (a child's age and one of several
 * alternatives), no single answer changes a status, so a field whose answer narrows what the benefit
 * still misses is asked. No field is asked twice. {@code work_province} is never asked: it comes from
 * {@code work_city}.
 *
 * <p>The interview asks about one event of each kind (one trip home, one hospital stay, one case of
 * unpaid wages): a host with several sends them in the situation it starts from.
 */
public final class Interview {

    private final Assessor engine;
    private final LocalDate asOf;
    private final List<String> candidates;
    private final Situation base;
    private final Map<String, Object> answers;
    private final Situation situation;
    private volatile Map<String, Assessment> assessed;

    private Interview(
            Assessor engine, LocalDate asOf, List<String> candidates, Situation base, Map<String, Object> answers) {
        this.engine = engine;
        this.asOf = asOf;
        this.candidates = candidates;
        this.base = base;
        this.answers = answers;
        Situation s = base;
        for (Map.Entry<String, Object> a : answers.entrySet()) {
            if (a.getValue() != SKIPPED) {
                s = Fields.apply(s, a.getKey(), a.getValue());
            }
        }
        this.situation = s;
    }

    /** An interview over every region the engine serves, with no claims. */
    public static Interview start(Assessor engine, LocalDate asOf) {
        return start(engine, asOf, engine.regionIds(), List.of());
    }

    /**
     * An interview over {@code regions}, with the worker's claims from the host's ledger (they are
     * not asked).
     *
     * @throws InvalidInputException when the date is missing or a region is not served
     */
    public static Interview start(Assessor engine, LocalDate asOf, List<String> regions, List<Claim> claims) {
        return start(engine, asOf, regions, new Situation(Worker.unknown(), List.of(), claims));
    }

    /**
     * An interview over {@code regions} that starts from what the host already knows: worker fields,
     * events (several of a kind if need be) and claims. Known fields are not asked; an event kind the
     * situation already holds is not asked about again, though its unknown details are.
     *
     * @throws InvalidInputException when the date is missing or a region is not served
     */
    public static Interview start(Assessor engine, LocalDate asOf, List<String> regions, Situation known) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(known, "known");
        if (asOf == null) {
            throw new InvalidInputException("as_of", "an interview needs its assessment date");
        }
        for (String r : regions) {
            engine.region(r); // UnknownRegionException names it
        }
        return new Interview(engine, asOf, List.copyOf(regions), known, Map.of());
    }

    /**
     * The interview {@code answers} lead to, from {@link #start}: how a stateless service rebuilds
     * the one it handed out. The answers are read as {@link #answer} reads them, in order.
     */
    public static Interview resume(
            Assessor engine, LocalDate asOf, List<String> regions, List<Claim> claims, Map<String, ?> answers) {
        Interview i = start(engine, asOf, regions, claims);
        for (Map.Entry<String, ?> a : answers.entrySet()) {
            i = a.getValue() == null ? i.skip(a.getKey()) : i.answer(a.getKey(), a.getValue());
        }
        return i;
    }

    /**
     * This interview with {@code field} answered: a new value, this one unchanged. An answer to a field
     * already answered replaces it (going back to change an answer); answers about children,
     * certificates or events that no longer exist after it are dropped.
     *
     * @param answer a typed value ({@link Boolean}, an enum constant, a place, a date, an amount, a
     *               count) or text as a person types it ({@code 是}, {@code 快递员}, {@code 雁塔区},
     *               {@code 1990-05-01}, {@code 356.5}, {@code 2})
     * @throws InvalidInputException naming the field when the answer does not fit it, or the field is
     *                               one the interview does not ask
     */
    public Interview answer(String field, Object answer) {
        Object value = Fields.read(field, answer);
        Map<String, Object> next = new LinkedHashMap<>(answers);
        next.put(field, value);
        return rebuild(next, field);
    }

    /**
     * This interview with {@code field} left unknown: the worker does not know or will not say. It is
     * not asked again; decisions that need it stay NEEDS_INFO and name it.
     */
    public Interview skip(String field) {
        if (Fields.spec(field) == null) {
            throw new InvalidInputException(field, "is not a field the interview asks");
        }
        Map<String, Object> next = new LinkedHashMap<>(answers);
        next.put(field, SKIPPED);
        return rebuild(next, field);
    }

    /** The value of a skipped field among the answers. */
    private static final Object SKIPPED = new Object() {
        @Override
        public String toString() {
            return "unknown";
        }
    };

    /** This interview without the answer to {@code field} (and answers that depended on it). */
    public Interview without(String field) {
        if (!answers.containsKey(field)) {
            return this;
        }
        Map<String, Object> next = new LinkedHashMap<>(answers);
        next.remove(field);
        return rebuild(next, field);
    }

    private Interview rebuild(Map<String, Object> next, String changed) {
        List<String> before = eventTypes(base, answers);
        List<String> after = eventTypes(base, next);
        if (!before.equals(after)) { // an event told or taken back: its details follow it, the others renumber
            Map<String, Object> moved = new LinkedHashMap<>();
            for (Map.Entry<String, Object> a : next.entrySet()) {
                java.util.regex.Matcher m = EVENT_DETAIL.matcher(a.getKey());
                if (!m.matches()) {
                    moved.put(a.getKey(), a.getValue());
                    continue;
                }
                int i = Integer.parseInt(m.group(1));
                int j = i < before.size() ? after.indexOf(before.get(i)) : -1;
                if (j >= 0) {
                    moved.put("events[" + j + "]." + m.group(2), a.getValue());
                }
            }
            next = moved;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        Situation s = base;
        for (Map.Entry<String, Object> a : next.entrySet()) {
            try {
                Situation t = a.getValue() == SKIPPED ? s : Fields.apply(s, a.getKey(), a.getValue());
                if (a.getValue() == SKIPPED && a.getKey().matches(".*\\[\\d+].*")) {
                    Fields.apply(s, a.getKey(), null); // the item must still exist
                }
                s = t;
                kept.put(a.getKey(), a.getValue());
            } catch (IndexOutOfBoundsException | NullPointerException | InvalidInputException e) {
                if (a.getKey().equals(changed)) {
                    throw e instanceof InvalidInputException x
                            ? x
                            : new InvalidInputException(changed, "refers to an item not given; answer its count first");
                }
                // an item of a list that is shorter now: its answer goes with it
            }
        }
        return new Interview(engine, asOf, candidates, base, Collections.unmodifiableMap(kept));
    }

    private static final java.util.regex.Pattern EVENT_DETAIL =
            java.util.regex.Pattern.compile("events\\[(\\d+)]\\.([a-z_]+)");

    /** The event types known and told to have happened, in the order of the situation's events. */
    private static List<String> eventTypes(Situation base, Map<String, Object> answers) {
        List<String> types = new ArrayList<>();
        for (Event e : base.events()) {
            types.add("known:" + types.size() + ":" + e.type()); // the host's events keep their places
        }
        for (Map.Entry<String, Object> a : answers.entrySet()) {
            if (a.getKey().startsWith("events.") && Boolean.TRUE.equals(a.getValue())) {
                types.add(a.getKey().substring("events.".length()));
            }
        }
        return types;
    }

    /**
     * The answers so far, in the order given, as the scenario format writes them; a skipped field's
     * value is {@code null}.
     */
    public Map<String, String> answers() {
        Map<String, String> out = new LinkedHashMap<>();
        answers.forEach((k, v) -> out.put(k, v == SKIPPED ? null : Fields.text(v)));
        return Collections.unmodifiableMap(out);
    }

    /** The situation the answers make; fields not answered are unknown. */
    public Situation situation() {
        return situation;
    }

    /** The assessment date. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The regions whose programme can still include the worker: some benefit is not ruled out. */
    public List<String> regions() {
        return List.copyOf(assessments().keySet());
    }

    /** One assessment per region that can still include the worker, on the answers so far. */
    public Map<String, Assessment> assessments() {
        Map<String, Assessment> a = assessed;
        if (a == null) {
            Map<String, Assessment> all = assessAll(situation);
            a = new LinkedHashMap<>();
            for (Map.Entry<String, Assessment> e : all.entrySet()) {
                if (e.getValue().decisions().stream().anyMatch(d -> d.status() != Status.NOT_ELIGIBLE)) {
                    a.put(e.getKey(), e.getValue());
                }
            }
            a = Collections.unmodifiableMap(a);
            assessed = a;
        }
        return a;
    }

    private Map<String, Assessment> assessAll(Situation s) {
        Map<String, Assessment> out = new LinkedHashMap<>();
        for (String r : candidates) {
            out.put(r, engine.assess(r, s, asOf));
        }
        return out;
    }

    /** Whether nothing is left to ask: {@link #next()} is empty. */
    public boolean done() {
        return next().isEmpty();
    }

    /**
     * The questions worth asking now, best first: each has an answer that would change some decision's
     * status or amount. Empty when nothing more can change any decision.
     */
    public List<Question> next() {
        Map<String, Assessment> now = assessments();
        if (now.isEmpty()) {
            return List.of();
        }
        List<String> fields = candidateFields(now);
        if (fields.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Assessment>> where = relevantRegions(fields, now);
        List<Region> regions = new ArrayList<>();
        for (String r : now.keySet()) {
            regions.add(engine.region(r));
        }
        Probes probes = Probes.of(regions, asOf);
        List<Question> questions = new ArrayList<>();
        for (String field : fields) {
            Question q = rank(field, where.get(field), probes, false);
            if (q != null) {
                questions.add(q);
            }
        }
        if (questions.isEmpty()) {
            // Two unknowns that decide only together (a child's age AND one of several alternatives): no
            // single answer changes a status, but a pair does. Ask the fields whose answer narrows what a
            // still undecided benefit misses.
            for (String field : fields) {
                Question q = rank(field, where.get(field), probes, true);
                if (q != null) {
                    questions.add(q);
                }
            }
        }
        List<String> order = new ArrayList<>(fields);
        questions.sort((a, b) -> {
            int c = Double.compare(b.settles(), a.settles());
            if (c != 0) {
                return c;
            }
            c = atStake(b).compareTo(atStake(a));
            return c != 0 ? c : Integer.compare(order.indexOf(a.field()), order.indexOf(b.field()));
        });
        return List.copyOf(questions);
    }

    private static BigDecimal atStake(Question q) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Stake s : q.stakes()) {
            sum = sum.add(s.cash() == null ? BigDecimal.ZERO : s.cash())
                    .add(s.value() == null ? BigDecimal.ZERO : s.value());
        }
        return sum;
    }

    /**
     * For each field, the assessments an answer to it can change: those of the regions where some
     * undecided benefit misses it (a decision that misses nothing the field answers reads it only through
     * a criterion already known), and every region for an event or its details, which can change amounts.
     */
    private Map<String, Map<String, Assessment>> relevantRegions(List<String> fields, Map<String, Assessment> now) {
        Map<String, Map<String, Assessment>> where = new LinkedHashMap<>();
        for (String f : fields) {
            if (f.startsWith("events")) {
                where.put(f, now);
            } else {
                where.put(f, new LinkedHashMap<>());
            }
        }
        for (Map.Entry<String, Assessment> e : now.entrySet()) {
            for (Decision d : e.getValue().decisions()) {
                for (String m : d.missing()) {
                    String q = Fields.questionFor(m, situation);
                    Map<String, Assessment> w = q == null ? null : where.get(q);
                    if (w != null && w != now) {
                        w.put(e.getKey(), e.getValue());
                    }
                }
            }
        }
        return where;
    }

    /** The fields some decision may still hinge on, in the order a form lists them; none answered. */
    private List<String> candidateFields(Map<String, Assessment> now) {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        for (Assessment a : now.values()) {
            for (Decision d : a.decisions()) {
                for (String m : d.missing()) {
                    String q = Fields.questionFor(m, situation);
                    if (q != null && !answers.containsKey(q)) {
                        wanted.add(q);
                    }
                }
            }
        }
        List<Event> events = situation.events();
        for (int i = 0; i < events.size(); i++) { // details of a told event may change an amount
            for (String part : parts(events.get(i))) {
                String q = "events[" + i + "]." + part;
                if (!answers.containsKey(q)
                        && Fields.questionFor("events." + part, situation) != null
                        && unknownPart(events.get(i), part)) {
                    wanted.add(q);
                }
            }
        }
        for (String type : Fields.EVENTS) {
            if (!answers.containsKey("events." + type)
                    && base.events().stream().noneMatch(e -> e.type().equals(type))) {
                wanted.add("events." + type);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String f : Fields.workerFields()) {
            if (wanted.remove(f)) {
                ordered.add(f);
            }
        }
        ordered.addAll(wanted);
        return ordered;
    }

    private static List<String> parts(Event e) {
        if (e instanceof HomecomingTrip) {
            return List.of("reason", "union_certified", "date", "ticket_cost");
        }
        if (e instanceof Hospitalisation) {
            return List.of("hospital", "admission_date", "discharge_date", "out_of_pocket_cost", "meal_cost");
        }
        return List.of("date", "amount");
    }

    private boolean unknownPart(Event e, String part) {
        Situation probe = new Situation(situation.worker(), List.of(e), List.of());
        return Fields.questionFor("events." + part, probe) != null;
    }

    /**
     * The question for {@code field}, or {@code null} when no answer would change a decision's status or
     * amount (with {@code progress}: nor narrow an undecided decision's missing fields).
     */
    private Question rank(String field, Map<String, Assessment> now, Probes probes, boolean progress) {
        List<Object> tries = probes.of(field);
        Map<String, Stake> stakes = new LinkedHashMap<>();
        Map<String, Integer> settled = new LinkedHashMap<>();
        int counted = 0;
        for (Object v : tries) {
            Situation s;
            try {
                s = Fields.apply(situation, field, v);
            } catch (InvalidInputException e) {
                continue; // an answer the model refuses here (a province without the city): not a real answer
            }
            counted++;
            for (Map.Entry<String, Assessment> e : now.entrySet()) {
                Assessment after;
                try {
                    after = engine.assess(e.getKey(), s, asOf);
                } catch (InvalidInputException x) {
                    continue; // e.g. a date of birth after the assessment date
                }
                for (Decision before : e.getValue().decisions()) {
                    Decision d = after.decision(before.code()).orElseThrow();
                    boolean changed = d.status() != before.status()
                            || !Objects.equals(d.amount(), before.amount())
                            || !Objects.equals(d.amountMax(), before.amountMax())
                            || !Objects.equals(d.value(), before.value())
                            || progress
                                    && before.status() == Status.NEEDS_INFO
                                    && before.missing().containsAll(d.missing())
                                    && d.missing().size() < before.missing().size();
                    if (!changed) {
                        continue;
                    }
                    String key = e.getKey() + "/" + d.code();
                    if (before.status() == Status.NEEDS_INFO && d.status() != Status.NEEDS_INFO) {
                        settled.merge(key, 1, Integer::sum);
                    }
                    Stake old = stakes.get(key);
                    BigDecimal cash =
                            d.status() == Status.ELIGIBLE ? (d.amount() != null ? d.amount() : d.amountMax()) : null;
                    BigDecimal value = d.status() == Status.ELIGIBLE ? d.value() : null;
                    stakes.put(
                            key,
                            new Stake(
                                    e.getKey(),
                                    d.code(),
                                    d.benefit().nameZh(),
                                    d.benefit().nameEn(),
                                    max(old == null ? null : old.cash(), cash),
                                    max(old == null ? null : old.value(), value)));
                }
            }
        }
        if (stakes.isEmpty() || counted == 0) {
            return null;
        }
        double settles = 0;
        for (int n : settled.values()) {
            settles += (double) n / counted;
        }
        Fields.Spec spec = Fields.spec(field);
        List<Choice> options =
                spec.kind() == AnswerKind.ONE_OF && spec.options().isEmpty()
                        ? Fields.openOptions(field, probes.texts())
                        : spec.options();
        List<Stake> list = List.copyOf(stakes.values());
        return new Question(
                field,
                spec.kind(),
                spec.kind() == AnswerKind.ONE_OF ? options : List.of(),
                Fields.prompt(field, true),
                Fields.prompt(field, false),
                help(list, true),
                help(list, false),
                list,
                settles);
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static String help(List<Stake> stakes, boolean zh) {
        StringBuilder s = new StringBuilder(zh ? "这一问会影响：" : "This decides: ");
        for (int i = 0; i < stakes.size(); i++) {
            Stake k = stakes.get(i);
            if (i > 0) {
                s.append(zh ? "、" : "; ");
            }
            s.append(zh ? k.nameZh() : k.nameEn());
            if (k.cash() != null && k.cash().signum() > 0) {
                s.append(zh ? "（最高" + yuan(k.cash()) + "元）" : " (up to CNY " + yuan(k.cash()) + ")");
            } else if (k.value() != null && k.value().signum() > 0) {
                s.append(zh ? "（价值" + yuan(k.value()) + "元）" : " (worth CNY " + yuan(k.value()) + ")");
            }
        }
        return s.toString();
    }

    private static String yuan(BigDecimal b) {
        BigDecimal plain = b.stripTrailingZeros();
        return plain.scale() <= 0
                ? plain.setScale(0).toPlainString()
                : plain.setScale(2).toPlainString();
    }

    /**
     * What the worker could get if an event happened: for each event-triggered benefit whose other
     * criteria are met on the answers so far, the event that would make it payable and how much, in
     * the rules' own words.
     */
    public List<Possibility> possibilities() {
        List<Possibility> out = new ArrayList<>();
        Map<String, Assessment> now = assessments();
        if (now.isEmpty()) {
            return out;
        }
        List<Region> regions = new ArrayList<>();
        for (String r : now.keySet()) {
            regions.add(engine.region(r));
        }
        Probes probes = Probes.of(regions, asOf);
        for (String type : Fields.EVENTS) {
            Situation blank = Fields.apply(situation, "events." + type, Boolean.TRUE);
            int index = blank.events().size() - 1;
            for (Map.Entry<String, Assessment> e : now.entrySet()) {
                for (Decision before : e.getValue().decisions()) {
                    if (before.status() == Status.ELIGIBLE) {
                        continue;
                    }
                    Decision withBlank = engine.assess(e.getKey(), blank, asOf)
                            .decision(before.code())
                            .orElseThrow();
                    Decision best = bestWith(e.getKey(), blank, index, before.code(), probes);
                    if (best != null) {
                        out.add(possibility(e.getKey(), type, withBlank, best));
                    }
                }
            }
        }
        return out;
    }

    /** The best decision some details of the new event give, when that makes the benefit eligible. */
    private Decision bestWith(String region, Situation blank, int index, String code, Probes probes) {
        Decision withBlank = engine.assess(region, blank, asOf).decision(code).orElseThrow();
        if (withBlank.status() == Status.NOT_ELIGIBLE) {
            return null; // the event cannot help: another criterion already fails
        }
        if (withBlank.missing().stream().anyMatch(m -> !m.startsWith("events."))) {
            return null; // the worker's own facts still undecided: asked first
        }
        Decision best = withBlank.status() == Status.ELIGIBLE ? withBlank : null;
        List<Situation> frontier = List.of(blank);
        for (String part : parts(blank.events().get(index))) {
            List<Situation> nextFrontier = new ArrayList<>();
            for (Situation s : frontier) {
                Decision d = engine.assess(region, s, asOf).decision(code).orElseThrow();
                if (!d.missing().contains("events." + part)) {
                    nextFrontier.add(s);
                    continue;
                }
                for (Object v : probes.of("events[" + index + "]." + part)) {
                    Situation t = Fields.apply(s, "events[" + index + "]." + part, v);
                    Decision dt = engine.assess(region, t, asOf).decision(code).orElseThrow();
                    if (dt.status() != Status.NOT_ELIGIBLE) {
                        nextFrontier.add(t);
                    }
                    if (dt.status() == Status.ELIGIBLE && (best == null || cash(dt).compareTo(cash(best)) > 0)) {
                        best = dt;
                    }
                }
                if (nextFrontier.size() > 64) {
                    break;
                }
            }
            frontier = nextFrontier.size() > 64 ? nextFrontier.subList(0, 64) : nextFrontier;
        }
        return best;
    }

    private static BigDecimal cash(Decision d) {
        BigDecimal c = d.amount() != null ? d.amount() : d.amountMax();
        BigDecimal v = d.value();
        return (c == null ? BigDecimal.ZERO : c).add(v == null ? BigDecimal.ZERO : v);
    }

    /**
     * The possibility in the rules' words: the criteria an event of unknown details leaves open (the
     * rules that answer UNKNOWN with a blank event), as the best event meets them.
     */
    private Possibility possibility(String region, String type, Decision withBlank, Decision best) {
        java.util.Set<String> eventRules = new java.util.HashSet<>();
        for (Reason r : withBlank.reasons()) {
            if (r.outcome() == Reason.Outcome.UNKNOWN) {
                eventRules.add(r.rule());
            }
        }
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (Reason r : best.reasons()) {
            if (r.outcome() == Reason.Outcome.MET && eventRules.contains(r.rule())) {
                zh.add(strip(r.textZh(), "符合："));
                en.add(strip(r.textEn(), "Met: "));
            }
        }
        BigDecimal cash = best.amount() != null ? best.amount() : best.amountMax();
        String name = best.benefit().nameZh();
        String zhText = (zh.isEmpty() ? "如发生此类情况" : "如" + String.join("、", zh)) + "，可获" + name
                + (cash != null && cash.signum() > 0 ? "，最高" + yuan(cash) + "元" : "")
                + (best.value() != null ? "，价值" + yuan(best.value()) + "元" : "");
        String enText = "if " + (en.isEmpty() ? "this happens" : String.join(", and ", en)) + ": "
                + best.benefit().nameEn()
                + (cash != null && cash.signum() > 0 ? ", up to CNY " + yuan(cash) : "")
                + (best.value() != null ? ", worth CNY " + yuan(best.value()) : "");
        return new Possibility(region, best.code(), type, zhText, enText, cash, best.value());
    }

    private static String strip(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** {@code Interview[as of 2026-03-10, 4 answer(s), regions xian, qingdao]}. Never an answer's value. */
    @Override
    public String toString() {
        return "Interview[as of " + asOf + ", " + answers.size() + " answer(s), regions "
                + String.join(", ", candidates) + "]";
    }
}
