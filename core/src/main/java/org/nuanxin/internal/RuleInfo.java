package org.nuanxin.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.nuanxin.Reason;
import org.nuanxin.Reason.Outcome;
import org.nuanxin.model.Place;
import org.nuanxin.model.Worker;
import org.nuanxin.rules.Truth;

/**
 * What the engine knows of one rule from its metadata, resolved once when the rules are built: the
 * benefits it decides and the criterion its sentences are made of (by {@link Sentences}). Reasons that
 * do not depend on the assessment are made once and shared by every assessment (they are immutable);
 * the others are made when first read and remembered.
 */
public final class RuleInfo {

    private final String name;
    private final String file;
    private final int order;
    private final List<String> benefits;
    private final int[] benefitIndexes;
    private final String source;
    private final String clause;
    private final String zh;
    private final String en;
    private final String unmetZh;
    private final String unmetEn;
    private final Reason met;
    private final Reason notMet;
    /** Whether a sentence names the assessment date ({@code ${as_of}}, {@code ${year}}) or a value that changes by date. */
    private final boolean datedText;
    /** The parameters with values by date whose {@code ${param.key}} the sentences keep, filled per date. */
    private final java.util.Map<String, org.nuanxin.Parameter> datedParams;
    /** Whether a sentence names the worker's places ({@code ${work_city}}, {@code ${residence_city}}). */
    private final boolean placeText;

    /**
     * @param name           the rule's name
     * @param file           the DRL file it is in
     * @param order          its place in the rule files (file name, then line)
     * @param benefits       the benefit codes it decides ({@code "*"} already expanded)
     * @param benefitIndexes their positions in the region's catalogue
     * @param source         source key ({@code @source})
     * @param clause         the quoted clause ({@code @clause})
     * @param zh             the criterion or amount in Chinese, parameters filled in ({@code ${as_of}} and
     *                       {@code ${year}} left for the assessment)
     * @param en             the same in English
     * @param unmetZh        the sentence when the criterion is not met, or empty for the generic one
     * @param unmetEn        the same in English
     */
    public RuleInfo(
            String name,
            String file,
            int order,
            List<String> benefits,
            int[] benefitIndexes,
            String source,
            String clause,
            String zh,
            String en,
            String unmetZh,
            String unmetEn) {
        this(name, file, order, benefits, benefitIndexes, source, clause, zh, en, unmetZh, unmetEn, java.util.Map.of());
    }

    /**
     * As the constructor above, for sentences that keep {@code ${param.key}} of parameters whose value
     * changes by date: each is filled with the value in force on the assessment date, like {@code ${as_of}}.
     *
     * @param datedParams those parameters by key
     */
    public RuleInfo(
            String name,
            String file,
            int order,
            List<String> benefits,
            int[] benefitIndexes,
            String source,
            String clause,
            String zh,
            String en,
            String unmetZh,
            String unmetEn,
            java.util.Map<String, org.nuanxin.Parameter> datedParams) {
        this.name = name;
        this.file = file;
        this.order = order;
        this.benefits = List.copyOf(benefits);
        this.benefitIndexes = benefitIndexes.clone();
        this.source = source;
        this.clause = clause;
        this.zh = zh;
        this.en = en;
        this.unmetZh = unmetZh;
        this.unmetEn = unmetEn;
        this.datedParams = java.util.Map.copyOf(datedParams);
        this.datedText = Sentences.dated(zh + en + unmetZh + unmetEn);
        this.placeText = Sentences.namesWorkerPlaces(zh + en + unmetZh + unmetEn);
        this.met = Sentences.dated(zh + en) || placeText ? null : metReason(null, WorkerPlaces.NONE);
        this.notMet = datedText || placeText ? null : notMetReason(null, WorkerPlaces.NONE);
    }

    public String name() {
        return name;
    }

    public String file() {
        return file;
    }

    /** Its place in the rule files: explanations list reasons in this order, whatever the engine's firing order. */
    int order() {
        return order;
    }

    public List<String> benefits() {
        return benefits;
    }

    /** Positions of {@link #benefits()} in the region's catalogue. */
    int[] benefitIndexes() {
        return benefitIndexes;
    }

    public String source() {
        return source;
    }

    public String clause() {
        return clause;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /**
     * Whether the rule's sentences name the worker's place field ({@code work_city},
     * {@code residence_city}): its reasons are then made per place, and a decision reused for another
     * worker must have been made for the same place.
     */
    boolean namesWorkerPlace(String field) {
        return (zh + en + unmetZh + unmetEn).contains("${" + field + "}");
    }

    /** The reason for a finding of this rule about {@code worker} (whose places the sentences may name). */
    Reason reason(Truth t, LocalDate asOf, Worker worker) {
        WorkerPlaces p = placeText ? WorkerPlaces.of(worker) : WorkerPlaces.NONE;
        if (t.isTrue()) {
            return met != null ? met : made(Outcome.MET, asOf, p);
        }
        if (t.isFalse()) {
            return notMet != null ? notMet : made(Outcome.NOT_MET, asOf, p);
        }
        return remembered(
                p.key(t.missing()),
                asOf,
                () -> new Reason(
                        name,
                        Outcome.UNKNOWN,
                        source,
                        clause,
                        p.fill(Sentences.dated(Sentences.needs(t.missing(), zh, true), asOf, true, datedParams), true),
                        p.fill(
                                Sentences.dated(Sentences.needs(t.missing(), en, false), asOf, false, datedParams),
                                false),
                        List.copyOf(t.missing())));
    }

    /**
     * The reason for an amount this rule set for {@code worker}: {@code amount}, or a range up to
     * {@code upTo} when not null.
     */
    Reason amountReason(BigDecimal amount, BigDecimal upTo, LocalDate asOf, Worker worker) {
        WorkerPlaces p = placeText ? WorkerPlaces.of(worker) : WorkerPlaces.NONE;
        return remembered(
                p.key(upTo == null ? amount : List.of(amount, upTo)),
                asOf,
                () -> new Reason(
                        name,
                        Outcome.AMOUNT,
                        source,
                        clause,
                        p.fill(
                                Sentences.dated(Sentences.amount(zh, amount, upTo, true), asOf, true, datedParams),
                                true),
                        p.fill(
                                Sentences.dated(Sentences.amount(en, amount, upTo, false), asOf, false, datedParams),
                                false),
                        List.of()));
    }

    /** The worker's places a reason names, or none for a rule whose sentences name none. */
    private record WorkerPlaces(Place work, Place residence) {
        static final WorkerPlaces NONE = new WorkerPlaces(null, null);

        static WorkerPlaces of(Worker w) {
            return w == null ? NONE : new WorkerPlaces(w.workCity(), w.residenceCity());
        }

        /** What a reason is remembered by: {@code what} alone, or with the places' codes. */
        Object key(Object what) {
            return this == NONE ? what : List.of(what, code(work), code(residence));
        }

        private static String code(Place p) {
            return p == null ? "" : p.code();
        }

        String fill(String text, boolean zh) {
            return this == NONE ? text : Sentences.workerPlaces(text, zh, work, residence);
        }
    }

    /**
     * Reasons made before, by what varies between assessments (the missing fields, an amount, the
     * date when the text names it, the worker's places when it names them): most assessments meet the
     * same few, and a reason is immutable. Bounded; when full it starts again.
     */
    private final java.util.concurrent.ConcurrentHashMap<Object, Reason> made =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final int MADE_MAX = 256;

    private Reason remembered(Object what, LocalDate asOf, java.util.function.Supplier<Reason> make) {
        Object key = datedText ? List.of(what, asOf) : what;
        Reason r = made.get(key);
        if (r == null) {
            if (made.size() >= MADE_MAX) {
                made.clear();
            }
            r = make.get();
            made.put(key, r);
        }
        return r;
    }

    private Reason made(Outcome outcome, LocalDate asOf, WorkerPlaces p) {
        return remembered(
                p.key(outcome), asOf, () -> outcome == Outcome.MET ? metReason(asOf, p) : notMetReason(asOf, p));
    }

    private Reason metReason(LocalDate asOf, WorkerPlaces places) {
        return new Reason(
                name,
                Outcome.MET,
                source,
                clause,
                places.fill(Sentences.dated(Sentences.met(zh, true), asOf, true, datedParams), true),
                places.fill(Sentences.dated(Sentences.met(en, false), asOf, false, datedParams), false),
                List.of());
    }

    private Reason notMetReason(LocalDate asOf, WorkerPlaces places) {
        return new Reason(
                name,
                Outcome.NOT_MET,
                source,
                clause,
                places.fill(Sentences.dated(Sentences.notMet(zh, unmetZh, true), asOf, true, datedParams), true),
                places.fill(Sentences.dated(Sentences.notMet(en, unmetEn, false), asOf, false, datedParams), false),
                List.of());
    }

    @Override
    public String toString() {
        return "RuleInfo[" + name + " in " + file + " → " + benefits + "]";
    }
}
