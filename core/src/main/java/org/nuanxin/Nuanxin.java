package org.nuanxin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

import org.nuanxin.internal.CompiledRegion;
import org.nuanxin.internal.RegionCompiler;
import org.nuanxin.model.Situation;
import org.nuanxin.model.Worker;
import org.nuanxin.spi.RegionProvider;
import org.nuanxin.spi.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's one entry point: what each region's union programme grants a worker, how much and
 * why. Build it once, then share it: it is immutable and thread-safe.
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
public final class Nuanxin {

    /** China Standard Time, the zone every programme date is in. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Default bound on rule firings per assessment; a region's rules fire a few dozen times. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Nuanxin.class);

    static {
        // Run-time compiled DRL evaluates constraints with MVEL, whose default evaluator races when
        // several threads reach a constraint's 20th evaluation together (DROOLS-6432 and kin).
        if (System.getProperty("drools.mvel.thread.safety") == null) {
            System.setProperty("drools.mvel.thread.safety", "synced_till_eval");
        }
    }

    private final Map<String, CompiledRegion> regions;
    private final int maxFirings;

    private Nuanxin(Map<String, CompiledRegion> regions, int maxFirings) {
        this.regions = Collections.unmodifiableMap(regions);
        this.maxFirings = maxFirings;
    }

    /** A builder that discovers regions on the classpath. */
    public static Builder builder() {
        return new Builder();
    }

    /** Today's date in China Standard Time by the given clock. */
    public static LocalDate todayInShanghai(Clock clock) {
        return LocalDate.now(clock.withZone(SHANGHAI));
    }

    /** The ids of the regions this engine decides, in the order they were found. */
    public List<String> regionIds() {
        return List.copyOf(regions.keySet());
    }

    /** Every region with its catalogue and parameters. */
    public List<Region> regions() {
        return regions.values().stream().map(CompiledRegion::region).toList();
    }

    /**
     * A region by id.
     *
     * @throws UnknownRegionException when no region of that id is loaded
     */
    public Region region(String id) {
        return compiled(id).region();
    }

    /** Assesses a worker with no events and no claims; see {@link #assess(String, Situation, LocalDate)}. */
    public Assessment assess(String region, Worker worker, LocalDate asOf) {
        return assess(region, Situation.of(worker), asOf);
    }

    /**
     * Decides every benefit of a region's programme for one worker's situation on a date.
     *
     * @param region    region id, e.g. {@code xian}
     * @param situation the worker, events and claims
     * @param asOf      the assessment date (China Standard Time calendar date)
     * @return one decision per benefit of the region, with reasons and citations
     * @throws UnknownRegionException when the region is not loaded
     * @throws InvalidInputException  when the situation is inconsistent with the date
     * @throws RuleExecutionException when the region's rules fail
     */
    public Assessment assess(String region, Situation situation, LocalDate asOf) {
        Objects.requireNonNull(situation, "situation");
        if (asOf == null) {
            throw new InvalidInputException("as_of", "an assessment date is required");
        }
        return compiled(region).assess(situation, asOf, maxFirings);
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
        private boolean discover = true;

        private Builder() {
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
         * its bundled jar. The folder holds {@code region.yaml} and the files it lists.
         */
        public Builder ruleFolder(Path folder) {
            folders.put(folder.toString(), Objects.requireNonNull(folder, "folder"));
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
                fromFolders.put(files.regionId(), files);   // a folder replaces the bundled rules of its region
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
                    throw new RuleBuildException(e.getKey(), e.getValue().origin(), List.of(new RuleProblem(
                            RuleFiles.REGION, 0, 0, RuleProblem.Severity.ERROR, "", "region.yaml says id "
                                    + r.region().id() + " but its provider registers region " + e.getKey())));
                }
                byId.put(e.getKey(), r);
            }
            for (RuleFiles files : fromFolders.values()) {
                CompiledRegion r = RegionCompiler.compile(files);
                byId.put(r.region().id(), r);
            }
            LOG.info("Nuanxin ready with regions {}", byId.keySet());
            return new Nuanxin(byId, maxFirings);
        }
    }
}
