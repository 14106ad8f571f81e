package org.nuanxin.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nuanxin.Nuanxin;
import org.nuanxin.model.Situation;
import org.nuanxin.scenario.ScenarioCase;
import org.nuanxin.scenario.ScenarioFile;
import org.nuanxin.scenario.ScenarioRunner;

/**
 * The material every reliability test works on: the five region modules as they ship (bundled,
 * precompiled jars on the test classpath) and as rule folders in the source tree (compiled at run
 * time), and every scenario case of every region. The working directory is {@code reliability/}.
 */
final class Corpus {

    /**
     * Every region on the classpath, as the engine discovers them (ServiceLoader): each is a region module
     * {@code rules-<id>} of the repository, whose folder the FOLDERS engine reads.
     */
    static final List<String> REGIONS = Nuanxin.builder().build().regionIds();

    /** The repository root. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** How an engine gets its rules. */
    enum Kind {
        /** The region jars on the classpath, precompiled into Drools' executable model at build time. */
        BUNDLED,
        /** {@code noClasspathRegions().ruleFolder(...)} for each region folder: DRL compiled at run time. */
        FOLDERS
    }

    /** One scenario case as an assessment input. */
    record Input(String label, String region, Situation situation, java.time.LocalDate asOf) {}

    private static List<ScenarioCase> cases;

    private Corpus() {}

    /** The rule folder of a region in the source tree. */
    static Path ruleFolder(String region) {
        return ROOT.resolve("rules-" + region)
                .resolve("src/main/resources/org/nuanxin/region")
                .resolve(region);
    }

    /** The scenario folder of a region in the source tree. */
    static Path scenarios(String region) {
        return ROOT.resolve("rules-" + region).resolve("src/test/resources/scenarios");
    }

    /** A new engine of the kind, with the engine's shipped settings (its decision cache on). */
    static Nuanxin engine(Kind kind) {
        return engine(kind, true);
    }

    /**
     * A new engine of the kind; {@code cache} false turns the facade's decision cache off
     * ({@code cachedDecisions(0)}), so that the rules decide every assessment.
     */
    static Nuanxin engine(Kind kind, boolean cache) {
        if (kind == Kind.BUNDLED) {
            Nuanxin.Builder b = Nuanxin.builder();
            if (!cache) {
                b.cachedDecisions(0);
            }
            Nuanxin n = b.build();
            if (!n.regionIds().containsAll(REGIONS)) {
                throw new AssertionError("bundled engine lacks regions: " + n.regionIds());
            }
            REGIONS.forEach(r -> {
                if (!n.region(r).precompiled()) {
                    throw new AssertionError(r + " is not precompiled on the test classpath");
                }
            });
            return n;
        }
        Nuanxin.Builder b = Nuanxin.builder().noClasspathRegions();
        if (!cache) {
            b.cachedDecisions(0);
        }
        REGIONS.forEach(r -> b.ruleFolder(ruleFolder(r)));
        Nuanxin n = b.build();
        REGIONS.forEach(r -> {
            if (n.region(r).precompiled()) {
                throw new AssertionError(r + " should be compiled from its folder");
            }
        });
        return n;
    }

    /** Every scenario case of a region, in file order. */
    static List<ScenarioCase> cases(String region) {
        return allCases().stream()
                .filter(c -> c.file().startsWith(scenarios(region).toString()))
                .toList();
    }

    /** Every scenario case of every region, region by region, in file order. */
    static synchronized List<ScenarioCase> allCases() {
        if (cases == null) {
            List<ScenarioCase> all = new ArrayList<>();
            for (String r : REGIONS) {
                for (ScenarioFile f : ScenarioRunner.readAll(List.of(scenarios(r)))) {
                    all.addAll(f.cases());
                }
            }
            if (all.size() < 100) {
                throw new AssertionError("only " + all.size() + " scenario cases found under " + ROOT);
            }
            cases = List.copyOf(all);
        }
        return cases;
    }

    /** Every scenario case as an input, the worker carrying the canary id (rules never read the id). */
    static List<Input> inputs() {
        return allCases().stream()
                .map(c -> new Input(
                        c.toString(),
                        c.region(),
                        new Situation(
                                c.situation().worker().toBuilder()
                                        .id(Canaries.ID)
                                        .build(),
                                c.situation().events(),
                                c.situation().claims()),
                        c.asOf()))
                .toList();
    }

    /** Copies a folder (flat or nested) into {@code target}. */
    static Path copyFolder(Path from, Path target) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the heavier opt-in variants run ({@code -Dnuanxin.reliability.heavy=true}). */
    static boolean heavy() {
        return Boolean.getBoolean("nuanxin.reliability.heavy");
    }

    /** The base seed of the seeded generators ({@code -Dnuanxin.reliability.seed=N}, or {@code random}). */
    static long seed() {
        String s = System.getProperty("nuanxin.reliability.seed", "20260310").strip();
        if (s.equalsIgnoreCase("random")) {
            return RandomSeed.VALUE;
        }
        return Long.parseLong(s);
    }

    private static final class RandomSeed {
        static final long VALUE = new java.util.SplittableRandom().nextLong();
    }
}
