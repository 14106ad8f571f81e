package org.nuanxin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import org.nuanxin.input.InputLimits;
import org.nuanxin.internal.CompiledRegion;
import org.nuanxin.internal.RegionCompiler;
import org.nuanxin.model.Situation;
import org.nuanxin.model.Worker;
import org.nuanxin.scenario.ScenarioRunner;
import org.nuanxin.spi.RegionProvider;
import org.nuanxin.spi.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's one entry point: what each region's union programme grants a worker, how much and
 * why. Build it once, then share it: it is thread-safe, and immutable but for
 * {@link #reload(Path, List) reloads}, which swap a region's rules atomically.
 *
 * <pre>{@code
 * Nuanxin nuanxin = Nuanxin.builder().build();              // every region on the classpath
 * Worker worker = Worker.builder()
 *         .occupation(Occupation.COURIER).newEmploymentForm(true)
 *         .workCity("xian").hukouProvince("henan").build();
 * Assessment a = nuanxin.assess("xian", worker, LocalDate.of(2026, 3, 10));
 * for (Decision d : a.decisions()) {
 *     System.out.println(d);                                 // XIAN_FREE_HEALTH_CHECK: ELIGIBLE value=190.00
 * }
 * }</pre>
 *
 * <p>Regions are found with {@link ServiceLoader} ({@link RegionProvider}): adding a region is
 * adding its jar. Assessment dates are explicit; {@link #todayInShanghai(Clock)} gives "today" in
 * China Standard Time for hosts that want it.
 */
public final class Nuanxin implements Assessor {

    /** China Standard Time, the zone every programme date is in. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Default bound on rule firings per assessment; a region's rules fire a few dozen times. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    /** Default deadline of a {@link #reload}, in seconds; see {@link Builder#reloadTimeout}. */
    public static final long DEFAULT_RELOAD_TIMEOUT_SECONDS = 30;

    /** Default number of decisions kept per region and date for reuse; see {@link Builder#cachedDecisions}. */
    public static final int DEFAULT_CACHED_DECISIONS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Nuanxin.class);

    static {
        // Run-time compiled DRL evaluates constraints with MVEL, whose default evaluator races when
        // several threads reach a constraint's 20th evaluation together (DROOLS-6432 and kin).
        if (System.getProperty("drools.mvel.thread.safety") == null) {
            System.setProperty("drools.mvel.thread.safety", "synced_till_eval");
        }
    }

    /** An immutable snapshot, replaced whole by a reload: an assessment reads it once. */
    private volatile Map<String, CompiledRegion> regions;

    private final int maxFirings;
    private final int cachedDecisions;
    private final java.time.Duration reloadTimeout;
    private final Listener listener;
    /** Held only to promote a tried candidate: never while rules are built or suites run. */
    private final Object reloadLock = new Object();

    private Nuanxin(
            Map<String, CompiledRegion> regions,
            int maxFirings,
            int cachedDecisions,
            java.time.Duration reloadTimeout,
            Listener listener) {
        this.regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        this.maxFirings = maxFirings;
        this.cachedDecisions = cachedDecisions;
        this.reloadTimeout = reloadTimeout;
        this.listener = listener;
    }

    /**
     * Told of each assessment and reload, for a host's metrics ({@link Builder#listener}). Both methods do
     * nothing by default. They run on the thread that assessed or reloaded, after the work is done, so they
     * should be quick; whatever they throw is logged and ignored: a listener cannot fail an assessment or a
     * reload. A listener sees the worker's decisions, so it must not report personal data: region, benefit
     * code and {@link Status} are what a metric may carry.
     */
    public interface Listener {

        /** No-op: the default. */
        Listener NONE = new Listener() {};

        /**
         * An assessment completed (one that throws is not reported).
         *
         * @param region     the region id
         * @param assessment what was decided
         * @param nanos      how long {@link Nuanxin#assess(String, Situation, LocalDate)} took, in nanoseconds
         */
        default void assessed(String region, Assessment assessment, long nanos) {}

        /** A {@link Nuanxin#reload reload} ended, promoted or rejected. */
        default void reloaded(ReloadResult result) {}
    }

    /** Dates per region whose decisions are cached at once. */
    private static final int CACHED_DATES = 8;

    /** A builder that discovers regions on the classpath. */
    public static Builder builder() {
        return new Builder();
    }

    /** Today's date in China Standard Time by the given clock. */
    public static LocalDate todayInShanghai(Clock clock) {
        return LocalDate.now(clock.withZone(SHANGHAI));
    }

    /** The ids of the regions this engine decides, in the order they were found. */
    @Override
    public List<String> regionIds() {
        return List.copyOf(regions.keySet());
    }

    /** Every region with its catalogue and parameters. */
    @Override
    public List<Region> regions() {
        return regions.values().stream().map(CompiledRegion::region).toList();
    }

    /**
     * A region by id.
     *
     * @throws UnknownRegionException when no region of that id is loaded
     */
    @Override
    public Region region(String id) {
        return compiled(id).region();
    }

    /**
     * Screens one situation in every region served, for a national platform that does not know the
     * worker's region: one assessment per region, in load order. The guided interview
     * ({@code org.nuanxin.interview.Interview}) does the same screening with questions.
     *
     * @throws InvalidInputException when the situation does not fit the date
     */
    public Map<String, Assessment> assessAll(Situation situation, LocalDate asOf) {
        Map<String, Assessment> out = new java.util.LinkedHashMap<>();
        for (String id : regionIds()) {
            out.put(id, assess(id, situation, asOf));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Assesses a worker with no events and no claims; see {@link #assess(String, Situation, LocalDate)}. */
    public Assessment assess(String region, Worker worker, LocalDate asOf) {
        return assess(region, Situation.of(worker), asOf);
    }

    /**
     * Decides every benefit of a region's programme for one worker's situation on a date. The
     * situation is seen as it stood on {@code asOf} ({@link Situation#seenOn}): events, claims,
     * certificates, children and union membership dated after it are not there yet, so a host may pass
     * its whole ledger and assess an earlier date.
     *
     * @param region    region id, e.g. {@code xian}
     * @param situation the worker, events and claims
     * @param asOf      the assessment date (China Standard Time calendar date)
     * @return one decision per benefit of the region, with reasons and citations
     * @throws UnknownRegionException when the region is not loaded
     * @throws InvalidInputException  when the worker is born after the date, or the date is outside the
     *                                years 1900 to 2200
     * @throws RuleExecutionException when the region's rules fail
     */
    @Override
    public Assessment assess(String region, Situation situation, LocalDate asOf) {
        if (listener == Listener.NONE) {
            return assessUntold(region, situation, asOf); // no clock read when nobody listens
        }
        long start = System.nanoTime();
        Assessment a = assessUntold(region, situation, asOf);
        long nanos = System.nanoTime() - start;
        try {
            listener.assessed(region, a, nanos);
        } catch (RuntimeException e) {
            LOG.warn("Listener failed on an assessment of region {}; ignored", region, e);
        }
        return a;
    }

    /**
     * This engine as an {@link Assessor} that does not tell the {@linkplain Builder#listener listener}: for a
     * host's trial assessments that are not decisions of their own, such as an {@linkplain
     * org.nuanxin.interview.Interview interview}'s probes (dozens per question), which would otherwise count
     * in the host's metrics as assessments. Same rules, same cache.
     */
    public Assessor unlistened() {
        Nuanxin engine = this;
        return new Assessor() {
            @Override
            public List<String> regionIds() {
                return engine.regionIds();
            }

            @Override
            public List<Region> regions() {
                return engine.regions();
            }

            @Override
            public Region region(String id) {
                return engine.region(id);
            }

            @Override
            public Assessment assess(String region, Situation situation, LocalDate asOf) {
                return engine.assessUntold(region, situation, asOf);
            }

            @Override
            public String toString() {
                return engine + " (unlistened)";
            }
        };
    }

    private Assessment assessUntold(String region, Situation situation, LocalDate asOf) {
        if (situation == null) {
            throw new InvalidInputException("situation", "is required (Situation.of(worker) for a worker alone)");
        }
        if (asOf == null) {
            throw new InvalidInputException("as_of", "an assessment date is required");
        }
        InputLimits.requireInRange("as_of", asOf);
        CompiledRegion r = compiled(region);
        if (cachedDecisions == 0) {
            return r.assess(situation, asOf, maxFirings);
        }
        BatchAssessor cache = (BatchAssessor)
                r.perDate(asOf, CACHED_DATES, d -> new BatchAssessor(r, d, maxFirings, cachedDecisions));
        return cache.assess(situation);
    }

    /**
     * An assessor for many workers of one region on one date (a population run): it reuses the
     * decision for workers whose facts read by the rules are the same, keeping at most
     * {@link Builder#cachedDecisions} of them (the default when the engine's cache is off). It keeps
     * the rules serving now, even if the region is reloaded later.
     *
     * @throws UnknownRegionException when the region is not loaded
     */
    public BatchAssessor batch(String region, LocalDate asOf) {
        if (asOf == null) {
            throw new InvalidInputException("as_of", "an assessment date is required");
        }
        InputLimits.requireInRange("as_of", asOf);
        return new BatchAssessor(
                compiled(region), asOf, maxFirings, cachedDecisions > 0 ? cachedDecisions : DEFAULT_CACHED_DECISIONS);
    }

    /**
     * Reloads a region from a rule folder while the engine keeps serving. The new rules are read,
     * checked by the guard, compiled and run against the region's scenario suite on a thread of their
     * own, under a deadline ({@link Builder#reloadTimeout}, default {@value #DEFAULT_RELOAD_TIMEOUT_SECONDS} s),
     * holding no lock that assessments or other reloads wait on; only when all of that passes do they
     * replace the old rules, in one atomic step. Assessments in flight finish on the rules they started
     * with, and every assessment reports the version it was made with. Promotions are serialised.
     *
     * <p>Whatever a candidate does — a build error, a failing suite, running past the deadline, any
     * {@code Throwable} including {@code OutOfMemoryError} and {@code StackOverflowError} — ends in a
     * rejected {@link ReloadResult}, and the rules serving now keep serving.
     *
     * <p>Compiling a folder needs {@code org.nuanxin:nuanxin-compiler} on the classpath (a host that runs only
     * the bundled region jars does not carry it); without it, every reload is rejected saying so.
     *
     * @param folder    the rule folder ({@code region.yaml} and the files it lists)
     * @param scenarios the region's scenario files or folders; when empty, the folder's own
     *                  {@code scenarios/} subfolder. A rule set without a suite is not promoted.
     * @return what happened; never throws for bad rules
     */
    public ReloadResult reload(Path folder, List<Path> scenarios) {
        Objects.requireNonNull(folder, "folder");
        ReloadResult result = reloadUntold(folder, scenarios);
        try {
            listener.reloaded(result);
        } catch (RuntimeException e) {
            LOG.warn("Listener failed on a reload of region {}; ignored", result.region(), e);
        }
        return result;
    }

    private ReloadResult reloadUntold(Path folder, List<Path> scenarios) {
        java.util.concurrent.atomic.AtomicReference<String> id = new java.util.concurrent.atomic.AtomicReference<>("?");
        java.util.concurrent.FutureTask<Object> trial =
                new java.util.concurrent.FutureTask<>(() -> trial(folder, scenarios, id));
        Thread worker = new Thread(trial, "nuanxin-reload");
        worker.setDaemon(true);
        worker.start();
        Object outcome;
        try {
            outcome = trial.get(reloadTimeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            trial.cancel(true);
            return rejected(
                    id.get(),
                    regions,
                    "",
                    List.of(
                            new RuleProblem(
                                    folder.toString(),
                                    0,
                                    0,
                                    RuleProblem.Severity.ERROR,
                                    "",
                                    "the reload did not finish within " + reloadTimeout.toMillis()
                                            + " ms (building the rules and running the suite); the serving rules keep serving")),
                    0,
                    0);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return rejected(
                    id.get(),
                    regions,
                    "",
                    List.of(new RuleProblem(
                            folder.toString(),
                            0,
                            0,
                            RuleProblem.Severity.ERROR,
                            "",
                            "the candidate rules failed with "
                                    + cause.getClass().getSimpleName() + "; the serving rules keep serving")),
                    0,
                    0);
        } catch (InterruptedException e) {
            trial.cancel(true);
            Thread.currentThread().interrupt();
            return rejected(
                    id.get(),
                    regions,
                    "",
                    List.of(new RuleProblem(
                            folder.toString(), 0, 0, RuleProblem.Severity.ERROR, "", "the reload was interrupted")),
                    0,
                    0);
        }
        if (outcome instanceof ReloadResult r) {
            return r;
        }
        Trial passed = (Trial) outcome;
        synchronized (reloadLock) {
            Map<String, CompiledRegion> next = new LinkedHashMap<>(regions);
            CompiledRegion before = next.put(passed.id(), passed.candidate());
            regions = Collections.unmodifiableMap(next);
            String version = passed.candidate().region().ruleSetVersion();
            LOG.info("Reloaded region {}: version {} promoted", passed.id(), version);
            return new ReloadResult(
                    passed.id(),
                    true,
                    version,
                    before == null ? "" : before.region().ruleSetVersion(),
                    version,
                    List.of(),
                    passed.report().passed(),
                    passed.report().failed());
        }
    }

    /** A candidate that built and passed its suite, waiting for promotion. */
    private record Trial(String id, CompiledRegion candidate, ScenarioRunner.Report report) {}

    /**
     * Reads, builds and tries a candidate on the reload's own thread: a {@link Trial} when it may be
     * promoted, else the rejected {@link ReloadResult}.
     */
    private Object trial(Path folder, List<Path> scenarios, java.util.concurrent.atomic.AtomicReference<String> idOut) {
        Map<String, CompiledRegion> current = regions;
        RuleFiles files;
        String id;
        try {
            files = RuleFiles.fromDirectory(folder);
            id = files.regionId();
            idOut.set(id);
        } catch (MalformedFileException e) {
            return rejected("?", current, "", List.of(problem(e)), 0, 0);
        }
        CompiledRegion candidate;
        try {
            candidate = RegionCompiler.compile(files);
        } catch (RuleBuildException e) {
            return rejected(id, current, "", e.problems(), 0, 0);
        }
        String version = candidate.region().ruleSetVersion();
        List<Path> suite = scenarios == null || scenarios.isEmpty() ? List.of(folder.resolve("scenarios")) : scenarios;
        if (suite.stream().noneMatch(java.nio.file.Files::exists)) {
            return rejected(
                    id,
                    current,
                    version,
                    List.of(new RuleProblem(
                            suite.get(0).toString(),
                            0,
                            0,
                            RuleProblem.Severity.ERROR,
                            "",
                            "no scenario suite: a reload is promoted only when the" + " region's scenarios pass")),
                    0,
                    0);
        }
        Map<String, CompiledRegion> next = new LinkedHashMap<>(current);
        next.put(id, candidate);
        Nuanxin trial = new Nuanxin(next, maxFirings, 0, reloadTimeout, Listener.NONE);
        ScenarioRunner.Report report;
        try {
            report = new ScenarioRunner(trial).run(suite);
        } catch (NuanxinException e) {
            return rejected(id, current, version, List.of(problem(e)), 0, 0);
        }
        List<RuleProblem> failures = new ArrayList<>();
        for (ScenarioRunner.CaseResult r : report.results()) {
            if (!r.passed()) {
                failures.add(new RuleProblem(
                        r.scenario().file(),
                        r.scenario().line(),
                        0,
                        RuleProblem.Severity.ERROR,
                        "",
                        "scenario \"" + r.scenario().name() + "\" fails: "
                                + r.mismatches().stream()
                                        .map(m -> m + " ("
                                                + m.reasons().stream()
                                                        .filter(x -> x.outcome() != Reason.Outcome.MET)
                                                        .map(Reason::textEn)
                                                        .collect(java.util.stream.Collectors.joining("; "))
                                                + ")")
                                        .collect(java.util.stream.Collectors.joining("; "))));
            }
        }
        if (report.results().isEmpty()) {
            failures.add(new RuleProblem(
                    suite.get(0).toString(), 0, 0, RuleProblem.Severity.ERROR, "", "the scenario suite has no cases"));
        }
        if (!failures.isEmpty()) {
            return rejected(id, current, version, failures, report.passed(), report.failed());
        }
        return new Trial(id, candidate, report);
    }

    private static RuleProblem problem(NuanxinException e) {
        if (e instanceof MalformedFileException m) {
            return new RuleProblem(
                    m.file(),
                    m.line(),
                    0,
                    RuleProblem.Severity.ERROR,
                    "",
                    (m.field().isEmpty() ? "" : m.field() + ": ") + m.problem());
        }
        return new RuleProblem("?", 0, 0, RuleProblem.Severity.ERROR, "", e.getMessage());
    }

    private static ReloadResult rejected(
            String id,
            Map<String, CompiledRegion> current,
            String candidate,
            List<RuleProblem> problems,
            long passed,
            long failed) {
        CompiledRegion serving = current.get(id);
        String version = serving == null ? "" : serving.region().ruleSetVersion();
        LOG.warn(
                "Reload of region {} rejected; {} keeps serving ({} problem(s))",
                id,
                version.isEmpty() ? "nothing" : version,
                problems.size());
        return new ReloadResult(id, false, version, version, candidate, problems, passed, failed);
    }

    private CompiledRegion compiled(String id) {
        CompiledRegion r = id == null ? null : regions.get(id);
        if (r == null) {
            throw new UnknownRegionException(String.valueOf(id), regions.keySet());
        }
        return r;
    }

    /** {@code Nuanxin[xian, qingdao, zhejiang]}. */
    @Override
    public String toString() {
        return "Nuanxin" + regions.keySet();
    }

    /** Configures and builds a {@link Nuanxin}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private ClassLoader classLoader = Nuanxin.class.getClassLoader();
        private Set<String> only;
        private final Map<String, Path> folders = new LinkedHashMap<>();
        private int maxFirings = DEFAULT_MAX_FIRINGS;
        private int cachedDecisions = DEFAULT_CACHED_DECISIONS;
        private java.time.Duration reloadTimeout = java.time.Duration.ofSeconds(DEFAULT_RELOAD_TIMEOUT_SECONDS);
        private boolean discover = true;
        private Listener listener = Listener.NONE;

        private Builder() {}

        /**
         * Tells a listener of every assessment and reload, e.g. to count them in a host's metrics (default:
         * none). See {@link Listener} for what it may do; one that throws is logged and ignored.
         */
        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The class loader to discover region modules with (default: the library's). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Loads only these regions from the classpath (default: all found); regions from
         * {@linkplain #ruleFolder rule folders} are always loaded and count as found.
         */
        public Builder regions(String... ids) {
            this.only = new LinkedHashSet<>(List.of(ids));
            return this;
        }

        /** Does not look for regions on the classpath; only folders given with {@link #ruleFolder}. */
        public Builder noClasspathRegions() {
            this.discover = false;
            return this;
        }

        /**
         * Loads a region's rules and data from a folder (a policy author's working copy) instead of
         * its bundled jar. The folder holds {@code region.yaml} and the files it lists. Its rules are
         * compiled when the engine is built, which needs {@code org.nuanxin:nuanxin-compiler} on the
         * classpath; without it {@link #build()} throws a {@link RuleBuildException} that says so.
         */
        public Builder ruleFolder(Path folder) {
            folders.put(folder.toString(), Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * How many decisions to keep per region and date for reuse (default
         * {@value Nuanxin#DEFAULT_CACHED_DECISIONS}; 0 turns the cache off). A decision is reused only for a
         * worker with no events and no claims whose facts read by the rules all equal those of the worker it
         * was made for: the rules still decide every distinct combination. Cached decisions go with the
         * rule set when a region is reloaded.
         */
        public Builder cachedDecisions(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("cachedDecisions must not be negative");
            }
            this.cachedDecisions = max;
            return this;
        }

        /**
         * The deadline of a {@link Nuanxin#reload}: building the candidate rules and running their
         * suite (default {@value Nuanxin#DEFAULT_RELOAD_TIMEOUT_SECONDS} s). A reload past it is rejected
         * and the serving rules keep serving.
         */
        public Builder reloadTimeout(java.time.Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("reloadTimeout must be positive");
            }
            this.reloadTimeout = timeout;
            return this;
        }

        /** Bound on rule firings per assessment; a rule that triggers itself is stopped there. */
        public Builder maxFiringsPerAssessment(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max firings must be positive");
            }
            this.maxFirings = max;
            return this;
        }

        /**
         * Builds every region's rules.
         *
         * @throws RuleBuildException    when a region's rules or data do not build
         * @throws UnknownRegionException when a region asked for with {@link #regions} is not found
         */
        public Nuanxin build() {
            Map<String, RuleFiles> sources = new LinkedHashMap<>();
            Set<String> available = new LinkedHashSet<>();
            if (discover) {
                for (RegionProvider p : ServiceLoader.load(RegionProvider.class, classLoader)) {
                    available.add(p.id());
                    if (only == null || only.contains(p.id())) {
                        if (sources.putIfAbsent(p.id(), p.ruleFiles()) != null) {
                            LOG.warn("Two jars provide region {}; using the first found", p.id());
                        }
                    }
                }
            }
            Map<String, RuleFiles> fromFolders = new LinkedHashMap<>();
            for (Path folder : folders.values()) {
                RuleFiles files = RuleFiles.fromDirectory(folder);
                fromFolders.put(files.regionId(), files); // a folder replaces the bundled rules of its region
                available.add(files.regionId());
            }
            if (only != null) {
                for (String id : only) {
                    if (!available.contains(id)) {
                        throw new UnknownRegionException(id, available);
                    }
                }
            }
            Map<String, CompiledRegion> byId = new LinkedHashMap<>();
            for (Map.Entry<String, RuleFiles> e : sources.entrySet()) {
                if (fromFolders.containsKey(e.getKey())) {
                    continue;
                }
                CompiledRegion r = RegionCompiler.compile(e.getValue());
                if (!r.region().id().equals(e.getKey())) {
                    throw new RuleBuildException(
                            e.getKey(),
                            e.getValue().origin(),
                            List.of(new RuleProblem(
                                    RuleFiles.REGION,
                                    0,
                                    0,
                                    RuleProblem.Severity.ERROR,
                                    "",
                                    "region.yaml says id " + r.region().id() + " but its provider registers region "
                                            + e.getKey())));
                }
                byId.put(e.getKey(), r);
            }
            for (RuleFiles files : fromFolders.values()) {
                CompiledRegion r = RegionCompiler.compile(files);
                byId.put(r.region().id(), r);
            }
            LOG.info("Nuanxin ready with regions {}", byId.keySet());
            return new Nuanxin(byId, maxFirings, cachedDecisions, reloadTimeout, listener);
        }
    }
}
