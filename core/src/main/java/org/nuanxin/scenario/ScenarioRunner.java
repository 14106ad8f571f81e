package org.nuanxin.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nuanxin.Assessment;
import org.nuanxin.Assessor;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Reason;
import org.nuanxin.Region;
import org.nuanxin.UnknownRegionException;
import org.nuanxin.input.InputFiles;
import org.nuanxin.model.Claim;

/**
 * Runs scenario cases against an engine and compares each listed benefit with the expectation.
 * A benefit code the region does not define, or a region that is not loaded, is an error in the
 * file ({@link MalformedFileException}), not a failure of the case.
 */
public final class ScenarioRunner {

    /** One benefit that did not come out as expected. */
    public record Mismatch(String benefit, String expected, String actual, List<Reason> reasons) {
        /** {@code XIAN_X: expected ELIGIBLE amount=200.00, got NOT_ELIGIBLE}. */
        @Override
        public String toString() {
            return benefit + ": expected " + expected + ", got " + actual;
        }
    }

    /** The outcome of one case. */
    public record CaseResult(ScenarioCase scenario, Assessment assessment, List<Mismatch> mismatches) {
        public boolean passed() {
            return mismatches.isEmpty();
        }
    }

    /** The outcome of a run over files. */
    public record Report(List<CaseResult> results) {
        public long passed() {
            return results.stream().filter(CaseResult::passed).count();
        }

        public long failed() {
            return results.size() - passed();
        }

        /** The closing line of a run: {@code N passed, N failed}. */
        public String summary() {
            return passed() + " passed, " + failed() + " failed";
        }
    }

    private final Assessor engine;

    /** A runner against an engine: the {@code Nuanxin} facade, or any other {@link Assessor}. */
    public ScenarioRunner(Assessor engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Every scenario file under the paths: files as given, folders searched for {@code .yaml},
     * {@code .yml} and {@code .json} files, in name order.
     */
    public static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> {
                                String n = f.getFileName().toString();
                                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
                            })
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new MalformedFileException(
                            p.toString(),
                            0,
                            "",
                            "cannot be read as a folder (" + e.getClass().getSimpleName() + ")");
                }
            } else if (Files.exists(p)) {
                InputFiles.requireRegularFile(p); // a FIFO or a device is refused, never opened
                files.add(p);
            } else {
                throw new MalformedFileException(p.toString(), 0, "", "no such file or folder");
            }
        }
        return files;
    }

    /** Parses every file under the paths; stops at the first malformed one. */
    public static List<ScenarioFile> readAll(List<Path> paths) {
        return files(paths).stream().map(ScenarioFile::read).toList();
    }

    /**
     * Parses and runs every file under the paths. Every file is parsed and {@linkplain #check checked}
     * before any case runs, so a malformed file stops the run before it starts.
     */
    public Report run(List<Path> paths) {
        return runFiles(readAll(paths));
    }

    /** Checks every file, then runs every case. */
    public Report runFiles(List<ScenarioFile> files) {
        files.forEach(this::check);
        List<CaseResult> results = new ArrayList<>();
        for (ScenarioFile file : files) {
            for (ScenarioCase c : file.cases()) {
                results.add(run(c));
            }
        }
        return new Report(results);
    }

    /**
     * Checks a parsed file against the loaded regions: regions exist, expected and claimed benefit
     * codes are defined.
     *
     * @throws MalformedFileException at the offending line
     */
    public void check(ScenarioFile file) {
        Set<String> allCodes = new TreeSet<>();
        engine.regions().forEach(r -> r.benefits().forEach(b -> allCodes.add(b.code())));
        for (ScenarioCase c : file.cases()) {
            Region region;
            try {
                region = engine.region(c.region());
            } catch (UnknownRegionException e) {
                throw new MalformedFileException(
                        c.file(),
                        c.line(),
                        "region",
                        "region '" + c.region() + "' is not loaded; known regions: "
                                + String.join(", ", engine.regionIds()));
            }
            Set<String> codes = region.benefits().stream().map(Benefit::code).collect(Collectors.toSet());
            for (Expectation e : c.expectations()) {
                if (!codes.contains(e.benefit())) {
                    throw new MalformedFileException(
                            c.file(),
                            e.line(),
                            "expect." + e.benefit(),
                            "region " + c.region() + " defines no benefit " + e.benefit() + " (see `benefits --region "
                                    + c.region() + "`)");
                }
            }
            for (Claim claim : c.situation().claims()) {
                if (!allCodes.contains(claim.benefit())) {
                    throw new MalformedFileException(
                            c.file(), c.line(), "claims", "no loaded region defines benefit " + claim.benefit());
                }
            }
        }
    }

    /**
     * Runs one case (assumed {@linkplain #check checked}).
     *
     * @throws MalformedFileException at the case's line when its situation does not fit its date
     */
    public CaseResult run(ScenarioCase c) {
        Assessment a;
        try {
            a = engine.assess(c.region(), c.situation(), c.asOf());
        } catch (MalformedFileException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw new MalformedFileException(c.file(), c.line(), "case \"" + c.name() + "\" " + e.field(), e.problem());
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (Expectation e : c.expectations()) {
            Decision d = a.decision(e.benefit()).orElseThrow();
            boolean ok = d.status() == e.status()
                    && same(e.amount(), d.amount())
                    && same(e.amountMin(), d.amountMin())
                    && same(e.amountMax(), d.amountMax())
                    && (e.value() == null || (d.value() != null && d.value().compareTo(e.value()) == 0))
                    && (e.missing() == null || Set.copyOf(d.missing()).equals(e.missing()));
            if (!ok) {
                mismatches.add(new Mismatch(e.benefit(), describe(e), describe(d, e), d.reasons()));
            }
        }
        return new CaseResult(c, a, mismatches);
    }

    /** An expected figure matches when it is not checked, or equals the decision's exactly. */
    private static boolean same(java.math.BigDecimal expected, java.math.BigDecimal actual) {
        return expected == null || actual != null && actual.compareTo(expected) == 0;
    }

    private static String describe(Expectation e) {
        StringBuilder s = new StringBuilder(e.status().name());
        if (e.amount() != null) {
            s.append(" amount=").append(e.amount().toPlainString());
        }
        if (e.amountMin() != null || e.amountMax() != null) {
            s.append(" amount_min=")
                    .append(e.amountMin())
                    .append(" amount_max=")
                    .append(e.amountMax());
        }
        if (e.value() != null) {
            s.append(" value=").append(e.value().toPlainString());
        }
        if (e.missing() != null) {
            s.append(" missing=").append(new TreeSet<>(e.missing()));
        }
        return s.toString();
    }

    private static String describe(Decision d, Expectation e) {
        StringBuilder s = new StringBuilder(d.status().name());
        if (e.amount() != null || d.amount() != null) {
            s.append(" amount=").append(d.amount() == null ? "none" : d.amount().toPlainString());
        }
        if (e.amountMin() != null || e.amountMax() != null || d.amountMin() != null) {
            s.append(" amount_min=")
                    .append(d.amountMin())
                    .append(" amount_max=")
                    .append(d.amountMax());
        }
        if (e.value() != null || d.value() != null) {
            s.append(" value=").append(d.value() == null ? "none" : d.value().toPlainString());
        }
        if (e.missing() != null || !d.missing().isEmpty()) {
            s.append(" missing=").append(d.missing());
        }
        return s.toString();
    }
}
