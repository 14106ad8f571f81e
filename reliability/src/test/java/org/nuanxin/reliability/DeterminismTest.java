package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.reliability.Corpus.Input;
import org.nuanxin.reliability.Corpus.Kind;
import org.nuanxin.scenario.ScenarioCase;
import org.nuanxin.scenario.ScenarioFile;
import org.nuanxin.scenario.ScenarioRunner;

/**
 * Every scenario case of every region gives the same output (Assessment equality and the same JSON):
 * run 25 times in one JVM (past Drools' jitting threshold of 20, and with the threshold at 0), with the
 * region's rule files loaded in shuffled orders, and under three time zones × two locales.
 */
@Order(10)
class DeterminismTest {

    static final int REPEATS = 25;
    /** Shuffled orders per region: 3, or 20 in the heavy variant. */
    static final int SHUFFLES = Integer.getInteger("nuanxin.reliability.shuffles", Corpus.heavy() ? 20 : 3);

    static final List<String> ZONES = List.of("UTC", "Asia/Shanghai", "America/Los_Angeles");
    static final List<Locale> LOCALES = List.of(Locale.US, Locale.CHINA);

    @TempDir
    static Path TMP;

    private static List<Input> inputs;
    private static final Map<Kind, List<Assessment>> BASELINE = new EnumMap<>(Kind.class);
    private static final Map<Kind, List<String>> BASELINE_JSON = new EnumMap<>(Kind.class);

    @BeforeAll
    static void baseline() {
        inputs = Corpus.inputs();
        for (Kind kind : Kind.values()) {
            Nuanxin engine = Corpus.engine(kind, false);
            List<Assessment> a = new ArrayList<>();
            List<String> json = new ArrayList<>();
            for (Input in : inputs) {
                Assessment x = engine.assess(in.region(), in.situation(), in.asOf());
                a.add(x);
                json.add(x.toJson());
            }
            BASELINE.put(kind, a);
            BASELINE_JSON.put(kind, json);
        }
    }

    static Stream<Arguments> kindsAndSettings() {
        List<Arguments> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (ConcurrencyHammerTest.Settings settings : ConcurrencyHammerTest.Settings.values()) {
                all.add(Arguments.of(kind, settings));
            }
        }
        return all.stream();
    }

    /**
     * 25 passes over every case on a fresh engine; each pass equals the first (the single-thread result
     * of the rules alone). With the decision cache off the rules decide all 25 times, so past Drools'
     * jitting threshold; as shipped, the cache answers the repeats of workers without events or claims.
     */
    @ParameterizedTest(name = "{0} rules, {1}")
    @MethodSource("kindsAndSettings")
    void sameOutputTwentyFiveTimesInOneJvm(Kind kind, ConcurrencyHammerTest.Settings settings) {
        Nuanxin engine = Corpus.engine(kind, settings == ConcurrencyHammerTest.Settings.SHIPPED);
        long diffs = repeat(engine, kind, "25 repeats, " + settings);
        String key = "determinism.repeat." + kind + "." + settings;
        Figures.put(key + ".cases", inputs.size());
        Figures.put(key + ".repeats", REPEATS);
        Figures.put(key + ".diffs", diffs);
        assertEquals(0, diffs);
    }

    /** The same with every constraint jitted at once ({@code drools.jittingThreshold=0}) on the run-time compiled rules. */
    @Test
    void sameOutputWithJittingFromTheFirstEvaluation() {
        String before = System.getProperty("drools.jittingThreshold");
        Nuanxin engine;
        try {
            System.setProperty("drools.jittingThreshold", "0");
            engine = Corpus.engine(Kind.FOLDERS, false);
        } finally {
            restore("drools.jittingThreshold", before);
        }
        long diffs = repeat(engine, Kind.FOLDERS, "jittingThreshold=0");
        Figures.put("determinism.jit0.cases", inputs.size());
        Figures.put("determinism.jit0.repeats", REPEATS);
        Figures.put("determinism.jit0.diffs", diffs);
        assertEquals(0, diffs);
    }

    private static long repeat(Nuanxin engine, Kind kind, String what) {
        List<Assessment> expected = BASELINE.get(kind);
        List<String> json = BASELINE_JSON.get(kind);
        long diffs = 0;
        List<String> details = new ArrayList<>();
        for (int rep = 0; rep < REPEATS; rep++) {
            for (int i = 0; i < inputs.size(); i++) {
                Input in = inputs.get(i);
                Assessment a = engine.assess(in.region(), in.situation(), in.asOf());
                if (!a.equals(expected.get(i)) || !a.toJson().equals(json.get(i))) {
                    diffs++;
                    if (details.size() < 5) {
                        details.add("pass " + (rep + 1) + " " + in.label() + ": "
                                + ConcurrencyHammerTest.firstDifference(expected.get(i), a));
                    }
                }
            }
        }
        System.out.printf(
                "determinism %s %s: %d cases × %d passes, %d diffs%n", kind, what, inputs.size(), REPEATS, diffs);
        details.forEach(d -> System.out.println("  " + d));
        return diffs;
    }

    /** A region's rule folder copied with its manifest's rule list shuffled, and the engine built from it. */
    private record Shuffled(String region, long seed, List<String> order, Nuanxin engine) {}

    private static List<Shuffled> shuffled;
    private static Nuanxin reference;

    /** Every region × {@link #SHUFFLES} seeds, built once for both shuffle tests. */
    private static synchronized List<Shuffled> shuffled(Path tmp) throws IOException {
        if (shuffled == null) {
            reference = Corpus.engine(Kind.FOLDERS);
            List<Shuffled> all = new ArrayList<>();
            long base = Corpus.seed();
            for (String region : Corpus.REGIONS) {
                for (int p = 0; p < SHUFFLES; p++) {
                    long seed = base + 1_000L * Corpus.REGIONS.indexOf(region) + p;
                    Path copy = Corpus.copyFolder(Corpus.ruleFolder(region), tmp.resolve(region + "-" + seed));
                    List<String> order = shuffleManifest(copy.resolve("region.yaml"), seed);
                    System.out.println(
                            "determinism: " + region + " rule files in order " + order + " (seed " + seed + ")");
                    Nuanxin engine = Nuanxin.builder()
                            .noClasspathRegions()
                            .ruleFolder(copy)
                            .build();
                    assertNotEquals(
                            reference.region(region).ruleSetVersion(),
                            engine.region(region).ruleSetVersion(),
                            "the manifest changed, so the version does");
                    all.add(new Shuffled(region, seed, order, engine));
                }
            }
            shuffled = List.copyOf(all);
            Figures.put("determinism.shuffle.orders", all.size());
            Figures.put("determinism.shuffle.perRegion", SHUFFLES);
        }
        return shuffled;
    }

    /**
     * Each region folder copied with its region.yaml's {@code rules:} list shuffled (seed printed): every
     * case gets the same decisions — status, amounts, missing fields and the same reasons (as a set).
     */
    @TestFactory
    Stream<DynamicTest> sameDecisionsWithRuleFilesLoadedInShuffledOrder() throws IOException {
        return shuffled(TMP).stream()
                .map(s -> DynamicTest.dynamicTest(s.region() + " shuffle seed " + s.seed(), () -> {
                    List<String> diffs = compare(s, false);
                    Figures.add(
                            "determinism.shuffle.decisions.cases",
                            Corpus.cases(s.region()).size());
                    Figures.add("determinism.shuffle.decisions.diffs", diffs.size());
                    assertTrue(
                            diffs.isEmpty(),
                            () -> diffs.size() + " case(s) decide differently with rule files in order " + s.order()
                                    + " (seed " + s.seed() + "), e.g.\n  "
                                    + String.join("\n  ", diffs.subList(0, Math.min(3, diffs.size()))));
                }));
    }

    /**
     * The same, to the letter: identical assessments (reasons in the same order) and identical JSON, the
     * rule-set version aside (the manifest text changed, so it does).
     */
    @TestFactory
    Stream<DynamicTest> identicalOutputWithRuleFilesLoadedInShuffledOrder() throws IOException {
        return shuffled(TMP).stream()
                .map(s -> DynamicTest.dynamicTest(s.region() + " shuffle seed " + s.seed(), () -> {
                    List<String> diffs = compare(s, true);
                    Figures.add(
                            "determinism.shuffle.identical.cases",
                            Corpus.cases(s.region()).size());
                    Figures.add("determinism.shuffle.identical.diffs", diffs.size());
                    assertTrue(
                            diffs.isEmpty(),
                            () -> diffs.size() + " of "
                                    + Corpus.cases(s.region()).size()
                                    + " case(s) give different output with rule files in order " + s.order() + " (seed "
                                    + s.seed()
                                    + "), e.g.\n  " + String.join("\n  ", diffs.subList(0, Math.min(2, diffs.size()))));
                }));
    }

    private static List<String> compare(Shuffled s, boolean strict) {
        List<String> diffs = new ArrayList<>();
        for (ScenarioCase c : Corpus.cases(s.region())) {
            Assessment a = reference.assess(s.region(), c.situation(), c.asOf());
            Assessment b = s.engine().assess(s.region(), c.situation(), c.asOf());
            Assessment b2 = new Assessment(b.region(), b.asOf(), a.ruleSetVersion(), b.decisions());
            boolean same;
            if (strict) {
                same = a.equals(b2) && a.toJson().equals(b.toJson().replace(b.ruleSetVersion(), a.ruleSetVersion()));
            } else {
                same = a.region().equals(b.region())
                        && a.asOf().equals(b.asOf())
                        && a.decisions().size() == b.decisions().size();
                for (int i = 0; same && i < a.decisions().size(); i++) {
                    same = unordered(a.decisions().get(i))
                            .equals(unordered(b.decisions().get(i)));
                }
            }
            if (!same) {
                diffs.add(c + ": " + ConcurrencyHammerTest.firstDifference(a, b2));
            }
        }
        return diffs;
    }

    /** A decision with its reasons as a set. */
    private static List<Object> unordered(Decision d) {
        return List.of(
                d.benefit(),
                d.status(),
                String.valueOf(d.amount()),
                String.valueOf(d.amountMin()),
                String.valueOf(d.amountMax()),
                String.valueOf(d.value()),
                d.missing(),
                Set.copyOf(d.reasons()));
    }

    /** Rewrites the manifest's {@code rules:} list in a shuffled order (never the original one); returns it. */
    static List<String> shuffleManifest(Path manifest, long seed) throws IOException {
        List<String> lines = Files.readAllLines(manifest);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("rules:")) {
                start = i;
            }
        }
        assertTrue(start >= 0, "region.yaml has a rules: list");
        int end = start + 1;
        List<String> entries = new ArrayList<>();
        while (end < lines.size()
                && (lines.get(end).startsWith(" ") || lines.get(end).isBlank())) {
            if (lines.get(end).strip().startsWith("- ")) {
                entries.add(lines.get(end)
                        .strip()
                        .substring(2)
                        .replaceAll("\\s+#.*$", "")
                        .strip());
            }
            end++;
        }
        assertTrue(entries.size() > 1, "more than one rule file to shuffle");
        List<String> shuffled = new ArrayList<>(entries);
        Random random = new Random(seed);
        do {
            java.util.Collections.shuffle(shuffled, random);
        } while (shuffled.equals(entries));
        List<String> out = new ArrayList<>(lines.subList(0, start + 1));
        shuffled.forEach(f -> out.add("  - " + f));
        out.addAll(lines.subList(end, lines.size()));
        Files.write(manifest, out);
        return shuffled;
    }

    /**
     * Every case under UTC, Asia/Shanghai and America/Los_Angeles × en_US and zh_CN, with engines built
     * and scenario files read under each: the same output as under the JVM's own defaults.
     */
    @Test
    void sameOutputInEveryTimeZoneAndLocale() {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        long runs = 0;
        List<String> diffs = new ArrayList<>();
        try {
            for (String z : ZONES) {
                for (Locale l : LOCALES) {
                    TimeZone.setDefault(TimeZone.getTimeZone(z));
                    Locale.setDefault(l);
                    List<ScenarioCase> reread = new ArrayList<>();
                    for (String r : Corpus.REGIONS) {
                        for (ScenarioFile f : ScenarioRunner.readAll(List.of(Corpus.scenarios(r)))) {
                            reread.addAll(f.cases());
                        }
                    }
                    assertEquals(Corpus.allCases(), reread, "scenario files read alike under " + z + " " + l);
                    for (Kind kind : Kind.values()) {
                        Nuanxin engine = Corpus.engine(kind);
                        List<Assessment> expected = BASELINE.get(kind);
                        List<String> json = BASELINE_JSON.get(kind);
                        for (int i = 0; i < inputs.size(); i++) {
                            Input in = inputs.get(i);
                            Assessment a = engine.assess(in.region(), in.situation(), in.asOf());
                            runs++;
                            if ((!a.equals(expected.get(i)) || !a.toJson().equals(json.get(i))) && diffs.size() < 10) {
                                diffs.add(z + " " + l + " " + kind + " " + in.label() + ": "
                                        + ConcurrencyHammerTest.firstDifference(expected.get(i), a));
                            }
                        }
                    }
                }
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        Figures.put("determinism.zones", ZONES.size());
        Figures.put("determinism.locales", LOCALES.size());
        Figures.put("determinism.zoneLocale.cases", inputs.size());
        Figures.put("determinism.zoneLocale.assessments", runs);
        Figures.put("determinism.zoneLocale.diffs", diffs.size());
        System.out.printf(
                "determinism: %d assessments under %d zones × %d locales × 2 rule kinds, %d diffs%n",
                runs, ZONES.size(), LOCALES.size(), diffs.size());
        assertTrue(
                diffs.isEmpty(), () -> "output depends on the time zone or locale:\n  " + String.join("\n  ", diffs));
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
