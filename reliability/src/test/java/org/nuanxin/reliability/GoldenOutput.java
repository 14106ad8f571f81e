package org.nuanxin.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.NuanxinException;
import org.nuanxin.Reason;
import org.nuanxin.Region;
import org.nuanxin.scenario.ScenarioCase;
import org.nuanxin.scenario.ScenarioFile;
import org.nuanxin.scenario.ScenarioRunner;

/**
 * Writes the full output of every region — every scenario case of the repository and 10,000 generated
 * workers — as one line per decision, so that a refactoring of the rules or the engine can be shown
 * to change nothing: run it before and after, then compare the files ({@code cmp}, {@code diff}).
 *
 * <p>Each line holds the case, the benefit code, status, amounts, missing fields and every reason
 * (rule, outcome, source, clause, missing fields and, unless {@code --no-texts}, both sentences).
 * The rule-set version (a digest of the files) is left out: it changes with any edit by design.
 *
 * <pre>
 * java -cp "reliability test classpath" org.nuanxin.reliability.GoldenOutput OUT_DIR [--no-texts] [--workers N]
 * </pre>
 * Run from the repository root; the scenarios are read from {@code rules-<region>/src/test/resources/scenarios}.
 */
public final class GoldenOutput {

    /** The seed of the generated workers: fixed, so that two runs see the same workers. */
    static final long SEED = 20_261_204L;

    private GoldenOutput() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        boolean texts = !List.of(args).contains("--no-texts");
        int workers = 10_000;
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--workers")) {
                workers = Integer.parseInt(args[i + 1]);
            }
        }
        Files.createDirectories(out);
        Nuanxin engine = Nuanxin.builder().build();
        for (Region region : engine.regions()) {
            Path file = out.resolve(region.id() + ".txt");
            int lines = 0;
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                Path scenarios = Path.of("rules-" + region.id(), "src/test/resources/scenarios");
                if (Files.isDirectory(scenarios)) {
                    for (ScenarioFile f : ScenarioRunner.readAll(List.of(scenarios))) {
                        for (ScenarioCase c : f.cases()) {
                            lines += write(
                                    w,
                                    "scenario " + c.name(),
                                    () -> engine.assess(region.id(), c.situation(), c.asOf()),
                                    texts);
                        }
                    }
                }
                WorkerGenerator gen = new WorkerGenerator(SEED);
                for (int i = 0; i < workers; i++) {
                    WorkerGenerator.Generated g = gen.next(region);
                    lines += write(
                            w,
                            "worker " + i + " @" + g.asOf(),
                            () -> engine.assess(region.id(), g.situation(), g.asOf()),
                            texts);
                }
            }
            System.out.println(region.id() + ": " + lines + " lines in " + file);
        }
    }

    private interface Run {
        Assessment get();
    }

    private static int write(BufferedWriter w, String what, Run run, boolean texts) throws IOException {
        Assessment a;
        try {
            a = run.get();
        } catch (NuanxinException e) {
            w.write(what + " | error " + e.getClass().getSimpleName() + ": " + e.getMessage() + "\n");
            return 1;
        }
        for (Decision d : a.decisions()) {
            StringBuilder s = new StringBuilder(what)
                    .append(" | ")
                    .append(d.code())
                    .append(' ')
                    .append(d.status())
                    .append(" amount=")
                    .append(d.amount())
                    .append(" range=")
                    .append(d.amountMin())
                    .append("..")
                    .append(d.amountMax())
                    .append(" value=")
                    .append(d.value())
                    .append(" missing=")
                    .append(d.missing());
            for (Reason r : d.reasons()) {
                s.append("\n    ")
                        .append(r.outcome())
                        .append(" «")
                        .append(r.rule())
                        .append("» ")
                        .append(r.source())
                        .append(" «")
                        .append(r.clause())
                        .append("» missing=")
                        .append(r.missing());
                if (texts) {
                    s.append("\n      zh: ")
                            .append(r.textZh())
                            .append("\n      en: ")
                            .append(r.textEn());
                }
            }
            w.write(s.append('\n').toString());
        }
        return a.decisions().size();
    }
}
