package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.nuanxin.MalformedFileException;
import org.nuanxin.input.InputFiles;
import org.nuanxin.input.InputLimits;
import org.nuanxin.input.YamlNode;
import org.nuanxin.scenario.ScenarioFile;
import org.nuanxin.scenario.WorkerFile;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas of {@code docs/schema/} (issue 19) against the files of the repository: every worker, scenario,
 * parameters and benefits file validates against its schema, and every file of the malformed and hostile corpora
 * that core refuses for what it holds (a wrong type, an unknown field, a bad enum value or date) is refused by the
 * schema too. What a schema cannot say is listed in {@link #NOT_FOR_A_SCHEMA}, each file with the reason.
 *
 * <p>A file is turned into JSON the way core reads it: {@link InputFiles} (UTF-8, size) and {@link YamlNode} (its
 * scalars resolved as core resolves them: {@code yes}, {@code ~} and {@code 2026-03-10} are text, {@code 356.50} is
 * a number, {@code null} and an empty value are null; duplicate keys, tags and aliases refused), so the schema sees
 * exactly the values the readers see. The nesting limit is raised to the highest allowed, so that the schema, not
 * the limit, judges the corpora's deep files. That core refuses each corpus file is the corpora's own tests'
 * business ({@code CommandLineMalformedInputTest}, {@code HostileInputTest}, the command line's tests).
 */
@Order(70)
class SchemaTest {

    /** The repository root (the working directory is {@code reliability/}). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final Path SCHEMAS = ROOT.resolve("docs/schema");

    static final InputLimits LIMITS =
            new InputLimits(InputLimits.DEFAULT_MAX_FILE_BYTES, 1000, InputLimits.DEFAULT_MAX_SCALAR_CHARS);

    /** The file formats with a schema, and the schema's file. */
    enum Format {
        WORKER("worker.schema.json"),
        SCENARIO("scenario.schema.json"),
        PARAMETERS("parameters.schema.json"),
        BENEFITS("benefits.schema.json");

        final String schema;

        Format(String schema) {
            this.schema = schema;
        }
    }

    /** Where the repository keeps files of each format (globs from the root); each glob matches a file at least. */
    static final Map<String, Format> VALID = ordered(
            "examples/workers/*",
            Format.WORKER,
            "reliability/src/test/resources/workers/*",
            Format.WORKER,
            "cli/src/test/resources/cli/no-region.json",
            Format.WORKER,
            "rules-*/src/test/resources/scenarios/**",
            Format.SCENARIO,
            "examples/src/test/resources/cross-region/**",
            Format.SCENARIO,
            "cli/src/test/resources/cli/{passing,failing}.yaml",
            Format.SCENARIO,
            "cli/src/test/resources/cli/suite/**",
            Format.SCENARIO,
            "rules-*/src/main/resources/org/nuanxin/region/*/parameters.yaml",
            Format.PARAMETERS,
            "core/src/test/resources/regions/*/parameters.yaml",
            Format.PARAMETERS,
            "rules-*/src/main/resources/org/nuanxin/region/*/benefits.yaml",
            Format.BENEFITS,
            "core/src/test/resources/regions/*/benefits.yaml",
            Format.BENEFITS);

    /**
     * Files core refuses: the command line's malformed and hostile corpora ({@code assess/} holds worker files,
     * {@code verify/} scenario files, {@code rules/} the files of a rule folder) and the command line's bad
     * fixtures. The corpus's {@code region--*} files are region.yaml, which has no schema.
     */
    static final Map<String, Format> REFUSED = ordered(
            "reliability/src/test/resources/malformed/assess/*",
            Format.WORKER,
            "reliability/src/test/resources/malformed/verify/*",
            Format.SCENARIO,
            "reliability/src/test/resources/hostile-input/assess/*",
            Format.WORKER,
            "reliability/src/test/resources/hostile-input/verify/*",
            Format.SCENARIO,
            "reliability/src/test/resources/hostile-input/rules/parameters--*",
            Format.PARAMETERS,
            "reliability/src/test/resources/hostile-input/rules/benefits--*",
            Format.BENEFITS,
            "cli/src/test/resources/cli/{bad-date,malformed,negative-cost,unknown-enum,unknown-place,unknown-region}.yaml",
            Format.WORKER,
            "cli/src/test/resources/cli/unknown-benefit.yaml",
            Format.SCENARIO);

    private static final String M = "reliability/src/test/resources/malformed/";
    private static final String H = "reliability/src/test/resources/hostile-input/";
    private static final String CLI = "cli/src/test/resources/cli/";

    /**
     * Refused files that no JSON Schema refuses, each with the reason: either core refuses the text before there are
     * values to validate (encoding, YAML syntax, tags, aliases, duplicate keys: JSON has none of these), or it
     * refuses the values for what a schema cannot know (places, the regions and benefits loaded, relations between
     * fields). The test fails on an entry the schema now refuses, so the list stays exact.
     */
    static final Map<String, String> NOT_FOR_A_SCHEMA = reasons(
            // --- refused before there are values: not UTF-8 ---
            "not UTF-8 text",
            List.of(
                    M + "assess/not-utf8.yaml",
                    H + "assess/enc-gbk.yaml",
                    H + "assess/enc-latin1.yaml",
                    H + "assess/enc-overlong-slash.yaml",
                    H + "assess/enc-utf16le-with-bom.yaml",
                    H + "assess/enc-utf8-encoded-surrogate.yaml",
                    H + "verify/enc-gbk-scenario.yaml",
                    H + "rules/parameters--enc-gbk.yaml"),
            // --- refused before there are values: YAML ---
            "not valid YAML: a syntax error, or a character YAML does not allow (NUL, a raw escape)",
            List.of(
                    M + "assess/json-missing-closing-brace.yaml",
                    M + "assess/json-unquoted-key-garbage.yaml",
                    M + "assess/yaml-tab-indentation.yaml",
                    M + "assess/yaml-unclosed-quote.yaml",
                    H + "assess/ctrl-raw-escape-byte.yaml",
                    H + "assess/enc-nul-byte-in-value.yaml",
                    H + "assess/enc-nul-bytes-padding.yaml",
                    H + "verify/enc-nul-scenario.yaml",
                    H + "rules/parameters--enc-nul.yaml",
                    CLI + "malformed.yaml"),
            "a YAML stream of two documents, or a %YAML directive of another version",
            List.of(H + "assess/yaml-two-documents.yaml", H + "assess/yaml-version-directive-2.yaml"),
            "empty: no document (only comments, or nothing)",
            List.of(M + "assess/yaml-empty-file.yaml", M + "assess/yaml-only-comments.yaml"),
            "a duplicate key: JSON data cannot hold one (editors flag it themselves)",
            List.of(M + "assess/yaml-duplicate-key.yaml"),
            "a key that is a list or a mapping: JSON keys are text",
            List.of(M + "assess/yaml-mapping-as-key.yaml", H + "assess/yaml-complex-key.yaml"),
            "a YAML tag outside the core schema: tags are YAML, not data (editors report unknown tags themselves)",
            List.of(
                    H + "assess/tag-binary-employer.yaml",
                    H + "assess/tag-directive-handle.yaml",
                    H + "assess/tag-java-class-constructor.yaml",
                    H + "assess/tag-omap-events.yaml",
                    H + "assess/tag-on-a-key.yaml",
                    H + "assess/tag-python-apply-on-id.yaml",
                    H + "assess/tag-set-children.yaml",
                    H + "assess/tag-str-on-a-list.yaml",
                    H + "assess/tag-timestamp-as-of.yaml",
                    H + "assess/tag-unknown-local-on-worker.yaml",
                    H + "assess/tag-verbatim-uri.yaml",
                    H + "verify/tag-on-case-name.yaml",
                    H + "verify/tag-on-root.yaml",
                    H + "rules/benefits--tag-foo.yaml",
                    H + "rules/parameters--tag-python.yaml"),
            "aliases: more than 50 (billion laughs), undefined, or a node that contains itself (no JSON value)",
            List.of(
                    M + "assess/yaml-alias-bomb.yaml",
                    H + "assess/alias-billion-laughs.yaml",
                    H + "assess/alias-doubling-chain.yaml",
                    H + "assess/alias-undefined.yaml",
                    H + "assess/alias-recursive-children.yaml",
                    H + "assess/alias-worker-is-its-own-child.yaml",
                    H + "verify/alias-billion-laughs-scenario.yaml",
                    H + "rules/parameters--alias-bomb.yaml"),
            // --- values a schema cannot judge ---
            "a place GB/T 2260 does not have, or has twice, or not of the kind asked (a city for a province):"
                    + " the register of places is not in the schema",
            List.of(
                    M + "assess/hukou-province-a-city-code.yaml",
                    M + "assess/hukou-province-full-width-city-code.yaml",
                    M + "assess/work-city-a-province.yaml",
                    M + "assess/work-city-ambiguous.yaml",
                    M + "assess/work-city-malformed-code.yaml",
                    M + "assess/work-city-no-such-code.yaml",
                    M + "assess/work-city-unknown.yaml",
                    CLI + "unknown-place.yaml"),
            "work_province must contain work_city: a relation between two places",
            List.of(M + "assess/work-province-not-containing-city.yaml"),
            "a region that is not loaded: regions are plugged in (jars, rule folders), not a fixed list",
            List.of(
                    M + "assess/region-unknown.yaml",
                    M + "verify/scenario-region-not-loaded.yaml",
                    CLI + "unknown-region.yaml"),
            "a benefit code the region does not define: the catalogue is the region's",
            List.of(
                    M + "verify/scenario-unknown-benefit.yaml",
                    M + "verify/scenario-claim-unknown-benefit.yaml",
                    CLI + "unknown-benefit.yaml"),
            "a date after another date (discharge before admission, born after as_of): JSON Schema cannot compare two values",
            List.of(
                    M + "assess/birth-date-after-as-of.yaml",
                    M + "assess/stay-discharge-before-admission.yaml",
                    M + "verify/scenario-birth-after-as-of.yaml",
                    M + "verify/scenario-stay-discharge-before-admission.yaml"),
            "two cases of one name: JSON Schema's uniqueItems compares whole items, not one field",
            List.of(M + "verify/scenario-duplicate-case-names.yaml"));

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Pattern HEADER = Pattern.compile("(?m)^# yaml-language-server: \\$schema=(\\S+)\\s*$");

    private static final Map<Format, Schema> schemas = new EnumMap<>(Format.class);

    private static List<Path> repository;

    @BeforeAll
    static void load() throws IOException {
        // formats asserted: format "date" refuses 1990-02-30, as the readers do
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build())
                        // the schemas and their relative $refs, read from docs/schema (nothing is fetched)
                        .schemas(SchemaTest::schemaText));
        for (Format f : Format.values()) {
            schemas.put(
                    f,
                    registry.getSchema(
                            SchemaLocation.of(SCHEMAS.resolve(f.schema).toUri().toString())));
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(ROOT)
                        && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile()
                        && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        repository = files.stream().sorted().toList();
    }

    @Test
    void theSchemasAreDraft202012Schemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        Map<String, List<String>> problems = new TreeMap<>();
        try (var s = Files.list(SCHEMAS)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                List<String> errors = messages(meta.validate(JSON.readTree(Files.readString(p))));
                if (!errors.isEmpty()) {
                    problems.put(ROOT.relativize(p).toString(), errors);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(problems.isEmpty(), () -> report("schemas that are not valid 2020-12 schemas", problems));
    }

    @Test
    void everyFileOfTheRepositoryValidates() {
        Map<String, List<String>> problems = new TreeMap<>();
        Map<String, Format> files = classify(VALID, problems);
        assertTrue(files.size() >= 50, () -> "only " + files.size() + " files found under " + ROOT);
        files.forEach((file, format) -> {
            Path path = ROOT.resolve(file);
            List<String> errors = new ArrayList<>();
            try {
                errors.addAll(messages(schemas.get(format).validate(json(path))));
            } catch (MalformedFileException | NotJson e) {
                errors.add("core does not read it: " + e.getMessage());
            }
            errors.addAll(headerProblems(path, format));
            if (errors.isEmpty()) {
                errors.addAll(coreReads(path, format));
            }
            if (!errors.isEmpty()) {
                problems.put(file + " (" + format.schema + ")", errors);
            }
        });
        assertTrue(problems.isEmpty(), () -> report("files the schemas refuse", problems));
    }

    @Test
    void theSchemasRefuseWhatCoreRefuses() {
        Map<String, List<String>> problems = new TreeMap<>();
        Map<String, Format> files = classify(REFUSED, problems);
        files.forEach((file, format) -> {
            Path path = ROOT.resolve(file);
            String listed = NOT_FOR_A_SCHEMA.get(file);
            JsonNode node;
            try {
                node = json(path);
            } catch (MalformedFileException | NotJson e) {
                if (listed == null) {
                    problems.put(
                            file,
                            List.of("core refuses it before there are values (" + e.getMessage()
                                    + "); list it in NOT_FOR_A_SCHEMA with the reason"));
                }
                return;
            }
            List<Error> errors = schemas.get(format).validate(node);
            if (errors.isEmpty() && listed == null) {
                problems.put(
                        file + " (" + format.schema + ")",
                        List.of("the schema accepts it; make the schema refuse it, or list it in NOT_FOR_A_SCHEMA"
                                + " with the reason no schema can"));
            } else if (!errors.isEmpty() && listed != null) {
                problems.put(
                        file + " (" + format.schema + ")",
                        List.of(
                                "listed in NOT_FOR_A_SCHEMA (" + listed + ") but the schema refuses it: take it off",
                                "the schema says: " + messages(errors)));
            }
        });
        for (String listed : NOT_FOR_A_SCHEMA.keySet()) {
            if (!files.containsKey(listed)) {
                problems.put(listed, List.of("listed in NOT_FOR_A_SCHEMA, but not a refused file of the corpora"));
            }
        }
        assertTrue(problems.isEmpty(), () -> report("refused files the schemas do not refuse alike", problems));
    }

    /** A small file: whether the schema accepts it, and whether core's reader does (they differ where noted). */
    record Snippet(Format format, boolean schema, boolean core, String why, String yaml) {}

    static Snippet ok(Format f, String why, String yaml) {
        return new Snippet(f, true, true, why, yaml);
    }

    static Snippet bad(Format f, String why, String yaml) {
        return new Snippet(f, false, false, why, yaml);
    }

    /** The schema asks for the canonical spelling where the reader forgives (docs/schema: not over-clever). */
    static Snippet stricter(Format f, String why, String yaml) {
        return new Snippet(f, false, true, why, yaml);
    }

    /**
     * The rules of the schemas the corpora do not reach, each beside core's reader where the test can call it
     * (worker and scenario files; a rule folder's files are read with their folder).
     */
    static final List<Snippet> SNIPPETS = List.of(
            ok(Format.WORKER, "a bare worker, null is unknown", "{occupation: COURIER, union_member: null}"),
            ok(Format.WORKER, "a quoted amount, a place as a code", """
                    worker: {work_city: 610113}
                    events: [{type: HOMECOMING_TRIP, ticket_cost: "356.50"}]
                    """),
            bad(Format.WORKER, "a quoted amount finer than a fen", """
                    worker: {work_city: xian}
                    events: [{type: HOMECOMING_TRIP, ticket_cost: "356.505"}]
                    """),
            ok(Format.WORKER, "name, note and expect of a case are left to verify", """
                    name: a case
                    note: {anything: [1, 2]}
                    worker: {id: 12345}
                    expect: {XIAN_FREE_HEALTH_CHECK: ELIGIBLE}
                    """),
            bad(Format.WORKER, "a bare worker has the worker's fields only", "{region: xian, occupation: COURIER}"),
            bad(Format.WORKER, "an event type is written as it is", """
                    worker: {}
                    events: [{type: homecoming_trip}]
                    """),
            stricter(Format.WORKER, "an enum value in another case", "{occupation: courier}"),
            stricter(Format.WORKER, "a date with spaces", "{birth_date: ' 1990-05-01 '}"),
            ok(Format.SCENARIO, "each case names its region", """
                    cases:
                      - {name: a, region: xian, as_of: 2026-03-10, worker: {}, expect: {XIAN_FREE_HEALTH_CHECK: NEEDS_INFO}}
                    """),
            bad(Format.SCENARIO, "an expectation is not null", """
                    region: xian
                    cases:
                      - {name: a, as_of: 2026-03-10, worker: {}, expect: {XIAN_FREE_HEALTH_CHECK: ~}}
                    """),
            ok(Format.SCENARIO, "an expectation with amounts and missing fields", """
                    region: xinjiang
                    cases:
                      - name: a
                        as_of: 2026-03-10
                        worker: {}
                        expect:
                          XINJIANG_SF_SCHOOL_AID: {status: ELIGIBLE, amount_min: 2000.00, amount_max: "6000"}
                          XINJIANG_SF_CERTIFICATE_AWARD: {status: NEEDS_INFO, missing: [certificates.kind]}
                    """),
            ok(Format.PARAMETERS, "a value with its own source", """
                    a: {type: money, values: {2025-09-01: {value: 200.00, source: XA-2025 clause}}}
                    b: {type: money_table, values: {2025-09-01: {URBAN_EMPLOYEE: 3000.00}}, source: A-XA-1}
                    c: {type: month_day, values: {2025-09-01: 02-29}, source: A-XA-1}
                    d: {type: texts, values: {2025-09-01: [a, b]}, source: A-XA-1}
                    e: {type: date, values: {2025-09-01: 2300-01-01}, source: A-XA-1}
                    """),
            bad(Format.PARAMETERS, "one value: is the old form", "a: {type: money, value: 200.00, source: A-XA-1}"),
            bad(Format.PARAMETERS, "a value without a source", "a: {type: money, values: {2025-09-01: 200.00}}"),
            bad(Format.PARAMETERS, "a blank source", "a: {type: money, values: {2025-09-01: 200.00}, source: ' '}"),
            bad(Format.PARAMETERS, "a day no year has", "a: {type: month_day, values: {2025-09-01: 02-30}, source: s}"),
            bad(Format.PARAMETERS, "a whole number", "a: {type: integer, values: {2025-09-01: 1.5}, source: s}"),
            bad(Format.PARAMETERS, "a date key", "a: {type: integer, values: {2025-9-1: 1}, source: s}"),
            bad(
                    Format.PARAMETERS,
                    "an empty money table",
                    "a: {type: money_table, values: {2025-09-01: {}}, source: s}"),
            bad(Format.PARAMETERS, "a type", "a: {type: percent, values: {2025-09-01: 1}, source: s}"),
            ok(Format.BENEFITS, "the declarations", """
                    benefits:
                      - {code: A_1, name_zh: 甲, name_en: A, kind: CASH, clause: c, payment: PER_EVENT}
                      - {code: B, name_zh: 乙, name_en: B, kind: SERVICE, clause: c, serves: everyone,
                         about_zh: 乙, about_en: B, limit: once_since, limit_from: b.start}
                      - {code: C, name_zh: 丙, name_en: C, kind: IN_KIND, clause: c, provider: EMPLOYER,
                         provider_name: 顺丰速运 (SF Express), quota: c.quota, budget: c.budget}
                    """),
            bad(Format.BENEFITS, "once_since needs limit_from", """
                    benefits: [{code: A, name_zh: 甲, name_en: A, kind: CASH, clause: c, limit: once_since}]
                    """),
            bad(Format.BENEFITS, "limit_from goes with once_since only", """
                    benefits: [{code: A, name_zh: 甲, name_en: A, kind: CASH, clause: c, limit: once_a_year,
                                limit_from: a.start}]
                    """),
            bad(Format.BENEFITS, "an employer's programme names the employer", """
                    benefits: [{code: A, name_zh: 甲, name_en: A, kind: CASH, clause: c, provider: EMPLOYER}]
                    """),
            bad(Format.BENEFITS, "about_zh and about_en go together", """
                    benefits: [{code: A, name_zh: 甲, name_en: A, kind: CASH, clause: c, about_zh: 甲}]
                    """),
            bad(Format.BENEFITS, "serves: everyone only", """
                    benefits: [{code: A, name_zh: 甲, name_en: A, kind: CASH, clause: c, serves: members}]
                    """),
            bad(Format.BENEFITS, "a code in UPPER_SNAKE_CASE", """
                    benefits: [{code: a_1, name_zh: 甲, name_en: A, kind: CASH, clause: c}]
                    """),
            bad(Format.BENEFITS, "payment given is not null", """
                    benefits: [{code: A, name_zh: 甲, name_en: A, kind: CASH, clause: c, payment: ~}]
                    """));

    @Test
    void theSchemasAndCoreAgreeOnSmallFiles() {
        Map<String, List<String>> problems = new TreeMap<>();
        for (Snippet s : SNIPPETS) {
            String label = s.format() + ": " + s.why();
            List<Error> errors = schemas.get(s.format()).validate(json(YamlNode.parse(label, s.yaml(), LIMITS), 0));
            if (errors.isEmpty() != s.schema()) {
                problems.computeIfAbsent(label, k -> new ArrayList<>())
                        .add(s.schema() ? "the schema refuses it: " + messages(errors) : "the schema accepts it");
            }
            Boolean core = switch (s.format()) {
                case WORKER -> reads(() -> WorkerFile.parse(label, s.yaml()));
                case SCENARIO -> reads(() -> ScenarioFile.parse(label, s.yaml()));
                default -> null;
            };
            if (core != null && core != s.core()) {
                problems.computeIfAbsent(label, k -> new ArrayList<>())
                        .add(core ? "core's reader accepts it" : "core's reader refuses it");
            }
        }
        assertTrue(problems.isEmpty(), () -> report("small files judged otherwise than expected", problems));
    }

    private static boolean reads(Runnable read) {
        try {
            read.run();
            return true;
        } catch (MalformedFileException e) {
            return false;
        }
    }

    /** The text of a schema of docs/schema by its IRI ({@code file:…/docs/schema/worker.schema.json}), else null. */
    private static String schemaText(String iri) {
        String base = SCHEMAS.toUri().toString();
        if (!iri.startsWith(base)) {
            return null;
        }
        try {
            return Files.readString(Path.of(java.net.URI.create(iri)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The repository's files each glob matches; a glob that matches nothing is a problem. */
    private static Map<String, Format> classify(Map<String, Format> globs, Map<String, List<String>> problems) {
        Map<String, Format> files = new TreeMap<>();
        globs.forEach((glob, format) -> {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            int n = 0;
            for (Path p : repository) {
                Path rel = ROOT.relativize(p);
                if (m.matches(rel)) {
                    Format before = files.put(rel.toString().replace('\\', '/'), format);
                    if (before != null && before != format) {
                        problems.put(rel.toString(), List.of("matched as " + before + " and as " + format));
                    }
                    n++;
                }
            }
            if (n == 0) {
                problems.put(glob, List.of("no file matches; a folder moved? correct the glob"));
            }
        });
        return files;
    }

    /** The file as JSON, read as core reads it. */
    static JsonNode json(Path path) {
        String text = InputFiles.read(path);
        return json(YamlNode.parse(path.toString(), text, LIMITS), 0);
    }

    private static JsonNode json(YamlNode n, int depth) {
        if (depth > LIMITS.maxDepth()) {
            throw new NotJson("a node that contains itself (a recursive alias)");
        }
        if (n.isMap()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            n.entries().forEach((k, v) -> o.set(k, json(v, depth + 1)));
            return o;
        }
        if (n.isList()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.items().forEach(v -> a.add(json(v, depth + 1)));
            return a;
        }
        // a scalar, or null: its canonical JSON is what core reads (356.50 a number, yes and 2026-03-10 text)
        return JSON.readTree(n.canonicalJson());
    }

    /** A file that has no JSON value. */
    static final class NotJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotJson(String message) {
            super(message);
        }
    }

    /** A {@code # yaml-language-server: $schema=…} header names the schema of the file's format, and it exists. */
    private static List<String> headerProblems(Path file, Format format) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(e.toString());
        }
        List<String> problems = new ArrayList<>();
        Matcher m = HEADER.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            Path schema = file.getParent().resolve(target).normalize();
            if (!schema.equals(SCHEMAS.resolve(format.schema))) {
                problems.add("its header names " + target + ", not docs/schema/" + format.schema);
            }
            if (!Files.isRegularFile(schema)) {
                problems.add("its header names " + target + ", which does not exist");
            }
        }
        return problems;
    }

    /** Core's reader of the format reads the file (parameters and benefits are read with their rule folder). */
    private static List<String> coreReads(Path path, Format format) {
        try {
            switch (format) {
                case WORKER -> WorkerFile.read(path);
                case SCENARIO -> ScenarioFile.read(path);
                default -> {}
            }
            return List.of();
        } catch (MalformedFileException e) {
            return List.of("the schema accepts it, but core's reader does not: " + e.getMessage());
        }
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static String report(String what, Map<String, List<String>> problems) {
        StringBuilder out = new StringBuilder(problems.size() + " " + what + ":\n");
        problems.forEach((file, errors) -> {
            out.append(file).append('\n');
            errors.forEach(e -> out.append("    ").append(e).append('\n'));
        });
        return out.toString();
    }

    private static Map<String, Format> ordered(Object... globAndFormat) {
        Map<String, Format> m = new LinkedHashMap<>();
        for (int i = 0; i < globAndFormat.length; i += 2) {
            m.put((String) globAndFormat[i], (Format) globAndFormat[i + 1]);
        }
        return m;
    }

    private static Map<String, String> reasons(Object... reasonAndFiles) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < reasonAndFiles.length; i += 2) {
            String reason = (String) reasonAndFiles[i];
            @SuppressWarnings("unchecked")
            List<String> files = (List<String>) reasonAndFiles[i + 1];
            for (String f : files) {
                if (m.put(f, reason) != null) {
                    throw new IllegalStateException(f + " is listed twice");
                }
            }
        }
        return m;
    }
}
