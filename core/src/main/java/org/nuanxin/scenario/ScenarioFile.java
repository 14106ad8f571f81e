package org.nuanxin.scenario;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Status;
import org.nuanxin.input.InputFiles;
import org.nuanxin.input.InputLimits;
import org.nuanxin.input.YamlNode;
import org.nuanxin.internal.RegionData;
import org.nuanxin.model.Situation;

/**
 * A scenario file (docs/scenario-format.md), parsed: its cases with their situations and expectations.
 * Structure errors (YAML syntax, unknown fields, bad values, duplicate case names) are
 * {@link MalformedFileException}s with file and line; benefit codes are checked against the region
 * when the file is run.
 *
 * @param file  the file name as given
 * @param cases the cases in file order
 */
public record ScenarioFile(String file, List<ScenarioCase> cases) {

    private static final List<String> FILE_KEYS = List.of("cases", "region");
    private static final List<String> CASE_KEYS =
            List.of("as_of", "claims", "events", "expect", "name", "note", "region", "worker");
    private static final List<String> EXPECT_KEYS =
            List.of("amount", "amount_max", "amount_min", "missing", "status", "value");

    public ScenarioFile {
        cases = List.copyOf(cases);
    }

    /**
     * Reads and parses a file. It must be a regular file (a symbolic link is followed) of UTF-8 text within the
     * {@linkplain InputLimits input limits}: at most 1 MiB (system property {@value InputLimits#MAX_FILE_BYTES}),
     * lists and mappings nested at most 32 deep ({@value InputLimits#MAX_DEPTH}), values of at most 65,536
     * characters ({@value InputLimits#MAX_SCALAR_CHARS}), no YAML tags outside the core schema; with at least
     * one case, and every {@code as_of} and date in the years 1900 to 2200.
     *
     * @throws MalformedFileException naming the file (and the line and field) when it is none of that
     */
    public static ScenarioFile read(Path path) {
        return parse(path.toString(), InputFiles.read(path));
    }

    /** Parses a scenario file's text, within the same limits as {@link #read(Path)}; {@code file} is used in messages. */
    public static ScenarioFile parse(String file, String text) {
        YamlNode root = YamlNode.parse(file, text);
        root.allowOnly(FILE_KEYS);
        String region = root.text("region");
        List<ScenarioCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        YamlNode list = root.require("cases");
        if (list.items().isEmpty()) {
            throw list.error("a scenario file has at least one case; a file that checks nothing must not pass");
        }
        for (YamlNode c : list.items()) {
            c.allowOnly(CASE_KEYS);
            String name = c.require("name").text();
            if (!names.add(name)) {
                throw c.require("name").error("duplicate case name '" + name + "' in this file");
            }
            String caseRegion = c.text("region") != null ? c.text("region") : region;
            if (caseRegion == null) {
                throw c.error("no region: give region: at the top of the file or in the case");
            }
            LocalDate asOf = WorkerFile.asOf(c.require("as_of"));
            Situation situation = new Situation(
                    WorkerReader.worker(c.require("worker")),
                    WorkerReader.events(c.get("events")),
                    WorkerReader.claims(c.get("claims")));
            YamlNode expect = c.require("expect");
            List<Expectation> expectations = new ArrayList<>();
            for (Map.Entry<String, YamlNode> e : expect.entries().entrySet()) {
                expectations.add(expectation(e.getKey(), e.getValue()));
            }
            if (expectations.isEmpty()) {
                throw expect.error("a case expects at least one benefit");
            }
            cases.add(new ScenarioCase(file, c.line(), name, caseRegion.strip(), asOf, situation, expectations));
        }
        return new ScenarioFile(file, cases);
    }

    private static Expectation expectation(String benefit, YamlNode n) {
        if (n.isScalar()) {
            return new Expectation(
                    benefit, RegionData.enumValue(n, Status.class), null, null, null, null, null, n.line());
        }
        n.allowOnly(EXPECT_KEYS);
        Set<String> missing = null;
        YamlNode m = n.get("missing");
        if (m != null && !m.isNull()) {
            missing = new LinkedHashSet<>();
            for (YamlNode f : m.items()) {
                missing.add(f.text().strip());
            }
        }
        return new Expectation(
                benefit,
                RegionData.enumValue(n.require("status"), Status.class),
                money(n, "amount"),
                money(n, "amount_min"),
                money(n, "amount_max"),
                money(n, "value"),
                missing,
                n.line());
    }

    private static BigDecimal money(YamlNode n, String key) {
        YamlNode v = n.get(key);
        return v == null || v.isNull() ? null : RegionData.money(v);
    }

    /** Cases by name. */
    public Map<String, ScenarioCase> byName() {
        Map<String, ScenarioCase> m = new LinkedHashMap<>();
        cases.forEach(c -> m.put(c.name(), c));
        return m;
    }
}
