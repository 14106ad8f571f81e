package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.TestFiles;
import org.nuanxin.reliability.CommandLineMalformedInputTest.Run;
import org.opentest4j.AssertionFailedError;

/**
 * Bad input files, as a careless host or a hostile user would give them, through the command line in-process:
 * the corpus under {@code src/test/resources/hostile-input/} ({@code assess/} worker files, {@code verify/}
 * scenario files, {@code rules/} files that replace one file of a copy of the Xi'an rule folder, named
 * {@code <file>--<attack>.yaml}), and files this class makes in a temporary folder because they are large, deep
 * or special (devices, FIFOs, folders, symbolic links). Every one must end, within {@link #DEADLINE}, with exit
 * code 2, nothing on stdout and exactly one stderr line {@code nuanxin: …} naming the file and the field (the
 * token of the file's first line {@code # expect: TOKEN}) and carrying no canary and no stack trace. Outcomes are
 * counted: exit 3, hangs and anything else must be 0.
 */
@Order(55)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    static final Path CORPUS = Path.of("src/test/resources/hostile-input");
    static final Path WORKER = Path.of("src/test/resources/workers/courier.yaml");
    /** The deadline of each case: a hang, not a timing; every case takes well under a second. */
    static final Duration DEADLINE = Duration.ofSeconds(5);

    /** The kinds of attack, by the prefix of a case's name: what the report's table lists. */
    static final Map<String, String> KINDS = kinds();

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put(
                "deep",
                "deep nesting: YAML flow, block and JSON, to 100,000 levels, in worker, scenario, parameters.yaml, "
                        + "benefits.yaml and region.yaml files");
        k.put(
                "long",
                "long values and keys (65,537 characters to 1,000,000; id, employer, hospital, case name, a key, "
                        + "a parameter's note, a 60,000-digit amount)");
        k.put(
                "big",
                "files over the 1 MiB cap: one byte over, 16 MiB, a scenario of 20,000 cases, a 2 MiB "
                        + "parameters.yaml and DRL file, 5 MiB without a line break");
        k.put(
                "special",
                "not a regular file: /dev/zero, /dev/urandom, a FIFO, a folder (for assess, verify, population "
                        + "and as a rule-folder file)");
        k.put(
                "link",
                "a rule folder reaching outside itself: symbolic links to a file outside, to /dev/zero, to "
                        + "/etc/passwd, dangling, a linked subfolder, a rule path climbing out with ../");
        k.put(
                "tag",
                "YAML tags outside the core schema: !foo, !!python/object/apply, Java class tags, !!binary, "
                        + "!!timestamp, !!set, !!omap, verbatim and %TAG handles, tags on keys and the root");
        k.put("alias", "aliases: billion laughs, a doubling chain, recursive and undefined aliases");
        k.put(
                "asof",
                "dates outside 1900-2200: as_of in a worker file, in a case, at a scenario file's top, a claim's "
                        + "date, --as-of of assess and population");
        k.put("nocases", "scenario files without cases: [], missing, null, a mapping, JSON");
        k.put(
                "enc",
                "encodings: GBK, Latin-1, UTF-16 with a BOM, overlong and surrogate UTF-8, NUL bytes, a BOM "
                        + "before the first line and in the middle");
        k.put(
                "ctrl",
                "values carrying terminal escapes, bidirectional overrides, CR, NEL, LINE and PARAGRAPH "
                        + "SEPARATOR into the error line");
        k.put(
                "yaml",
                "other YAML: two documents, %YAML 2.0, merge keys, complex keys, amounts as exponents, hex and "
                        + ".inf");
        k.put("register", "a member register whose header is a 20 MB line without a line break");
        return k;
    }

    enum Outcome {
        EXIT2,
        EXIT3,
        HANG,
        OTHER
    }

    /**
     * One bad input: its kind (a key of {@link #KINDS}), a name, the command line, the tokens the error line must
     * contain, and FIFOs to unblock should the command hang on one.
     */
    record Case(String kind, String name, String[] args, List<String> mentions, List<Path> fifos) {}

    @TempDir
    static Path tmp;

    // ---------------------------------------------------------------------------------------------------------

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyBadInputFileEndsWithExit2AndOneLineNamingIt() throws IOException {
        List<Case> committed = corpus();
        List<Case> cases = new ArrayList<>(committed);
        cases.addAll(generated());
        Figures.put("hostileInput.committed", (long) committed.size());
        assertTrue(cases.size() >= 60, "at least 60 bad input files: " + cases.size());
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.kind() + " " + c.name(), () -> {
                    Outcome o = run(c);
                    assertEquals(
                            Outcome.EXIT2,
                            o,
                            () -> c.name() + ": " + String.join(" ", c.args()) + " → " + o + "\n" + LAST.get());
                }));
    }

    @Test
    @Order(2)
    void noExit3NoHangNothingElse() {
        long files = Figures.count("hostileInput.files");
        assertTrue(files >= 60, "at least 60 bad input files ran: " + files);
        assertEquals(0, Figures.count("hostileInput.exit3"), "exit 3");
        assertEquals(0, Figures.count("hostileInput.hangs"), "hangs");
        assertEquals(0, Figures.count("hostileInput.other"), "other outcomes");
        assertEquals(files, Figures.count("hostileInput.exit2"));
    }

    /**
     * A register with one row of 20 million characters after a good header: the row is a bad row, its text
     * skipped as it is read (the register reader keeps at most 64 Ki characters of a row), and the run goes on.
     */
    @Test
    @Order(3)
    void aRegisterWithOneEnormousRowReportsItAndGoesOn() throws IOException {
        Path csv = tmp.resolve("enormous-row.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id,occupation,work_city\n1,COURIER,xian\n2,COURIER,");
            char[] block = "x".repeat(1 << 16).toCharArray();
            for (int i = 0; i < 305; i++) {
                w.write(block);
            }
            w.write("\n3,COURIER,xian\n");
        }
        Run r = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> CommandLineMalformedInputTest.run(
                        "population", "--region", "xian", "--as-of", "2026-03-10", "--threads", "1", csv.toString()));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("row 3: ") && r.out().contains("longer than 65536 characters"), r::toString);
        assertTrue(r.out().contains("3 rows, 1 bad row"), r::toString);
        Figures.put("hostileInput.enormousRowChars", 305L << 16);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final ThreadLocal<String> LAST = ThreadLocal.withInitial(() -> "");

    /** Runs a case under the deadline and counts its outcome. */
    static Outcome run(Case c) {
        Outcome o;
        String detail;
        try {
            Run r = assertTimeoutPreemptively(DEADLINE, () -> CommandLineMalformedInputTest.run(c.args()));
            o = classify(r, c.mentions());
            detail = r.toString();
        } catch (AssertionFailedError timeout) {
            o = Outcome.HANG;
            detail = timeout.getMessage();
            c.fifos().forEach(HostileInputTest::unblock);
        }
        LAST.set(detail);
        Figures.add("hostileInput.files", 1);
        Figures.add("hostileInput.kind." + c.kind() + ".files", 1);
        String key = switch (o) {
            case EXIT2 -> "exit2";
            case EXIT3 -> "exit3";
            case HANG -> "hangs";
            case OTHER -> "other";
        };
        Figures.add("hostileInput." + key, 1);
        Figures.add("hostileInput.kind." + c.kind() + "." + key, 1);
        return o;
    }

    static Outcome classify(Run r, List<String> mentions) {
        if (r.code() == 3) {
            return Outcome.EXIT3;
        }
        if (r.code() != 2
                || !r.out().isEmpty()
                || r.errLines().size() != 1
                || r.err().contains("\tat ")) {
            return Outcome.OTHER;
        }
        String line = r.errLines().get(0);
        if (!line.startsWith("nuanxin: ") || !Canaries.in(line).isEmpty()) {
            return Outcome.OTHER;
        }
        return mentions.stream().allMatch(line::contains) ? Outcome.EXIT2 : Outcome.OTHER;
    }

    /** Opens a FIFO for writing and closes it, which releases a reader blocked in opening it. */
    static void unblock(Path fifo) {
        Thread t = new Thread(
                () -> {
                    try (OutputStream out = Files.newOutputStream(fifo)) {
                        out.flush();
                    } catch (IOException e) {
                        // nothing more to do
                    }
                },
                "unblock " + fifo.getFileName());
        t.setDaemon(true);
        t.start();
    }

    // --- the committed corpus ---------------------------------------------------------------------------------

    static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String mode : List.of("assess", "verify")) {
            for (Path f : files(CORPUS.resolve(mode))) {
                cases.add(new Case(
                        kindOf(f),
                        mode + "/" + f.getFileName(),
                        new String[] {mode, f.toString()},
                        List.of(f.getFileName().toString(), expected(f)),
                        List.of()));
            }
        }
        for (Path f : files(CORPUS.resolve("rules"))) {
            String name = f.getFileName().toString();
            String target = name.substring(0, name.indexOf("--")) + ".yaml";
            Path folder = xian("rules-" + name, d -> copy(f, d.resolve(target)));
            cases.add(new Case(kindOf(f), "rules/" + name, assessWith(folder), List.of(expected(f)), List.of()));
        }
        return cases;
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The kind of a case from its file name: its first word. */
    static String kindOf(Path f) {
        String n = f.getFileName().toString();
        n = n.contains("--") ? n.substring(n.indexOf("--") + 2) : n;
        String kind = n.substring(0, n.indexOf('-'));
        if (!KINDS.containsKey(kind)) {
            throw new AssertionError(
                    "unknown kind '" + kind + "' of " + f + "; name files <kind>-<attack>: " + KINDS.keySet());
        }
        return kind;
    }

    /** The token of the first line {@code # expect: TOKEN}, after a byte-order mark and in UTF-16 too. */
    static String expected(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        String text = b.length > 1 && (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)
                ? new String(b, StandardCharsets.UTF_16LE)
                : new String(b, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!text.startsWith("# expect: ")) {
            throw new AssertionError(f + " does not start with '# expect: TOKEN'");
        }
        return text.substring("# expect: ".length(), text.indexOf('\n')).strip();
    }

    // --- generated cases ------------------------------------------------------------------------------------

    static final String ID = Canaries.ID;
    static final String HEAD = "region: xian\nas_of: 2026-03-10\n";

    static List<Case> generated() throws IOException {
        List<Case> c = new ArrayList<>();
        Path dir = Files.createDirectories(tmp.resolve("generated"));

        // deep
        c.add(assess("deep", dir, "deep-flow-100000.yaml", HEAD + "worker: " + nest("[", "]", 100_000, ""), "worker"));
        c.add(assess(
                "deep",
                dir,
                "deep-json-100000.json",
                "{\"worker\": " + nest("{\"a\": ", "}", 100_000, "1") + "}",
                "worker.a"));
        StringBuilder block = new StringBuilder(HEAD + "worker:\n");
        for (int i = 1; i < 300; i++) {
            block.append("  ".repeat(i)).append("a:\n");
        }
        c.add(assess("deep", dir, "deep-block-300.yaml", block.toString(), "worker.a"));
        c.add(assess(
                "deep",
                dir,
                "deep-events-50000.yaml",
                HEAD + "worker: {}\nevents: " + nest("[{a: ", "}]", 50_000, "1"),
                "events"));
        c.add(verify(
                "deep", dir, "deep-cases-100000.yaml", "region: xian\ncases: " + nest("[", "]", 100_000, ""), "cases"));
        c.add(verify(
                "deep",
                dir,
                "deep-cases-json-50000.json",
                "{\"region\": \"xian\", \"cases\": [{\"name\": " + nest("{\"a\": ", "}", 50_000, "1") + "}]}",
                "cases[0].name"));
        c.add(rules(
                "deep",
                "parameters.yaml",
                "deep-parameters-100000.yaml",
                "deep: " + nest("[", "]", 100_000, ""),
                "parameters.yaml"));
        c.add(rules(
                "deep",
                "benefits.yaml",
                "deep-benefits-json-100000.yaml",
                "{\"benefits\": " + nest("{\"a\": ", "}", 100_000, "1") + "}",
                "benefits.yaml"));
        c.add(rules(
                "deep",
                "region.yaml",
                "deep-region-100000.yaml",
                "id: xian\nrules: " + nest("[", "]", 100_000, ""),
                "region.yaml"));

        // long values (the limit is 65,536 characters)
        c.add(assess(
                "long", dir, "long-id-65537.yaml", HEAD + "worker:\n  id: " + repeat(ID, 65_537) + "\n", "worker.id"));
        c.add(assess(
                "long",
                dir,
                "long-id-100000-double-quoted.yaml",
                HEAD + "worker:\n  id: \"" + repeat(ID, 100_000) + "\"\n",
                "worker.id"));
        c.add(assess(
                "long",
                dir,
                "long-id-500000-single-quoted.yaml",
                HEAD + "worker:\n  id: '" + repeat(ID, 500_000) + "'\n",
                "worker.id"));
        c.add(assess(
                "long",
                dir,
                "long-id-1000000.yaml",
                HEAD + "worker:\n  id: " + repeat(ID, 1_000_000) + "\n",
                "worker.id"));
        c.add(assess(
                "long",
                dir,
                "long-employer-70000.yaml",
                HEAD + "worker:\n  employer: \"" + repeat(Canaries.EMPLOYER, 70_000) + "\"\n",
                "worker.employer"));
        c.add(assess(
                "long", dir, "long-key-70000.yaml", HEAD + "worker:\n  \"" + "k".repeat(70_000) + "\": 1\n", "worker"));
        c.add(assess(
                "long",
                dir,
                "long-json-key-70000.json",
                "{\"worker\": {\"" + "k".repeat(70_000) + "\": 1}}",
                "worker"));
        c.add(assess(
                "long",
                dir,
                "long-hospital-literal-block.yaml",
                HEAD + "worker: {}\nevents:\n  - type: HOSPITALISATION\n" + "    hospital: |\n"
                        + ("      " + repeat(Canaries.HOSPITAL, 1000) + "\n").repeat(100),
                "events[0].hospital"));
        c.add(assess(
                "long",
                dir,
                "long-amount-60000-digits.yaml",
                HEAD + "worker: {}\nevents:\n  - {type: HOMECOMING_TRIP, " + "ticket_cost: " + "9".repeat(60_000)
                        + "}\n",
                "events[0].ticket_cost"));
        c.add(verify(
                "long",
                dir,
                "long-case-name-100000.yaml",
                "region: xian\ncases:\n  - name: " + "n".repeat(100_000) + "\n",
                "cases[0].name"));
        c.add(rules(
                "long",
                "parameters.yaml",
                "long-parameter-note.yaml",
                "p: {type: text, values: {2025-09-01: x}," + " source: A-XA-1, note: " + "n".repeat(100_000) + "}\n",
                "parameters.yaml"));

        // big files (the cap is 1 MiB)
        String worker = Files.readString(WORKER);
        c.add(assess("big", dir, "big-one-byte-over.yaml", padded(worker, (1 << 20) + 1), "larger than 1048576 bytes"));
        c.add(assess("big", dir, "big-16-mib.yaml", padded(worker, 16 << 20), "larger than"));
        c.add(assess("big", dir, "big-5-mib-one-line.yaml", "id: " + "7".repeat(5 << 20), "larger than"));
        StringBuilder many = new StringBuilder("region: xian\ncases:\n");
        for (int i = 0; i < 20_000; i++) {
            many.append("  - {name: case ")
                    .append(i)
                    .append(", as_of: 2026-03-10, worker: {id: \"")
                    .append(ID)
                    .append("\"}, expect: {XIAN_FREE_HEALTH_CHECK: NEEDS_INFO}}\n");
        }
        c.add(verify("big", dir, "big-20000-cases.yaml", many.toString(), "larger than"));
        Path xianParameters = Corpus.ruleFolder("xian").resolve("parameters.yaml");
        c.add(rules(
                "big",
                "parameters.yaml",
                "big-parameters-2-mib.yaml",
                padded(Files.readString(xianParameters), 2 << 20),
                "parameters.yaml"));
        Path xianHealth = Corpus.ruleFolder("xian").resolve("health.drl");
        c.add(new Case(
                "big",
                "big-drl-2-mib",
                assessWith(xian(
                        "big-drl",
                        d -> write(
                                d.resolve("health.drl"),
                                padded(read(xianHealth), 2 << 20).replace("\n#", "\n//")))),
                List.of("health.drl", "larger than"),
                List.of()));

        // special files
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            if (Files.exists(Path.of(device))) {
                c.add(new Case(
                        "special",
                        "assess " + device,
                        new String[] {"assess", device},
                        List.of(device, "not a regular file"),
                        List.of()));
            }
        }
        if (Files.exists(Path.of("/dev/zero"))) {
            c.add(new Case(
                    "special",
                    "verify /dev/zero",
                    new String[] {"verify", "/dev/zero"},
                    List.of("/dev/zero", "not a regular file"),
                    List.of()));
            c.add(new Case(
                    "special",
                    "population /dev/zero",
                    new String[] {"population", "--region", "xian", "--as-of", "2026-03-10", "/dev/zero"},
                    List.of("/dev/zero", "not a regular file"),
                    List.of()));
        }
        Path fifo = dir.resolve("fifo-worker.yaml");
        if (TestFiles.mkfifo(fifo)) {
            c.add(new Case(
                    "special",
                    "assess a FIFO",
                    new String[] {"assess", fifo.toString()},
                    List.of("fifo-worker.yaml", "not a regular file"),
                    List.of(fifo)));
            c.add(new Case(
                    "special",
                    "verify a FIFO",
                    new String[] {"verify", fifo.toString()},
                    List.of("fifo-worker.yaml", "not a regular file"),
                    List.of(fifo)));
            c.add(new Case(
                    "special",
                    "population a FIFO",
                    new String[] {"population", "--region", "xian", "--as-of", "2026-03-10", fifo.toString()},
                    List.of("fifo-worker.yaml", "not a regular file"),
                    List.of(fifo)));
            for (String file : List.of("parameters.yaml", "health.drl")) {
                List<Path> fifos = new ArrayList<>();
                Path folder = xian("fifo-" + file, d -> {
                    delete(d.resolve(file));
                    if (TestFiles.mkfifo(d.resolve(file))) {
                        fifos.add(d.resolve(file));
                    }
                });
                if (!fifos.isEmpty()) {
                    c.add(new Case(
                            "special",
                            "rule folder with a FIFO as " + file,
                            assessWith(folder),
                            List.of(file, "not a regular file"),
                            fifos));
                }
            }
        }
        Path folderAsFile = Files.createDirectories(dir.resolve("a-folder.yaml"));
        c.add(new Case(
                "special",
                "assess a folder",
                new String[] {"assess", folderAsFile.toString()},
                List.of("a-folder.yaml", "is a folder"),
                List.of()));
        c.add(new Case(
                "special",
                "population a folder",
                new String[] {"population", "--region", "xian", "--as-of", "2026-03-10", folderAsFile.toString()},
                List.of("a-folder.yaml", "is a folder"),
                List.of()));
        c.add(new Case(
                "special",
                "rule folder with a folder as parameters.yaml",
                assessWith(xian("folder-parameters", d -> {
                    delete(d.resolve("parameters.yaml"));
                    mkdirs(d.resolve("parameters.yaml"));
                })),
                List.of("parameters.yaml", "is a folder"),
                List.of()));

        // symbolic links in a rule folder
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path secret = Files.writeString(
                outside.resolve("secret.drl"),
                "package org.nuanxin.rules;\n// " + ID + " " + Canaries.EMPLOYER
                        + "\nrule \"x\" when then System.exit(3); end\n");
        Files.copy(xianParameters, outside.resolve("parameters.yaml"));
        Files.copy(xianHealth, outside.resolve("health.drl"));
        if (TestFiles.link(tmp.resolve("link-probe"), secret)) {
            c.add(linked("health.drl", secret, "link-drl-outside", "symbolic link"));
            c.add(linked(
                    "parameters.yaml", outside.resolve("parameters.yaml"), "link-parameters-outside", "symbolic link"));
            c.add(linked("health.drl", tmp.resolve("nowhere.drl"), "link-dangling", "symbolic link"));
            if (Files.exists(Path.of("/dev/zero"))) {
                c.add(linked("region.yaml", Path.of("/dev/zero"), "link-region-to-dev-zero", "symbolic link"));
            }
            if (Files.exists(Path.of("/etc/passwd"))) {
                c.add(linked("benefits.yaml", Path.of("/etc/passwd"), "link-benefits-to-etc-passwd", "symbolic link"));
            }
            Path sub = xian("link-subfolder", d -> {
                write(d.resolve("region.yaml"), read(d.resolve("region.yaml")).replace("health.drl", "sub/health.drl"));
                delete(d.resolve("health.drl"));
                TestFiles.link(d.resolve("sub"), outside);
            });
            c.add(new Case(
                    "link",
                    "link-subfolder",
                    assessWith(sub),
                    List.of("health.drl", "outside the rule folder"),
                    List.of()));
        }

        // dates on the command line
        for (String date : List.of("+99999-01-01", "1899-12-31", "2201-01-01")) {
            c.add(new Case(
                    "asof",
                    "assess --as-of " + date,
                    new String[] {"assess", "--as-of", date, WORKER.toString()},
                    List.of("--as-of", "1900 to 2200"),
                    List.of()));
        }
        Path register = Files.writeString(dir.resolve("register.csv"), "id,occupation,work_city\n1,COURIER,xian\n");
        c.add(new Case(
                "asof",
                "population --as-of +99999-01-01",
                new String[] {"population", "--region", "xian", "--as-of", "+99999-01-01", register.toString()},
                List.of("--as-of", "1900 to 2200"),
                List.of()));

        // a register whose header never ends
        Path endless = dir.resolve("register-endless-header.csv");
        try (Writer w = Files.newBufferedWriter(endless, StandardCharsets.UTF_8)) {
            char[] chunk = "id,".repeat(1 << 14).toCharArray();
            for (int i = 0; i < 400; i++) {
                w.write(chunk);
            }
        }
        c.add(new Case(
                "register",
                "register-endless-header",
                new String[] {"population", "--region", "xian", "--as-of", "2026-03-10", endless.toString()},
                List.of("register-endless-header.csv", "header"),
                List.of()));
        return c;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static Case assess(String kind, Path dir, String name, String text, String mention) {
        Path f = write(dir.resolve(name), text);
        return new Case(kind, name, new String[] {"assess", f.toString()}, List.of(name, mention), List.of());
    }

    static Case verify(String kind, Path dir, String name, String text, String mention) {
        Path f = write(dir.resolve(name), text);
        return new Case(kind, name, new String[] {"verify", f.toString()}, List.of(name, mention), List.of());
    }

    /** A copy of the Xi'an folder whose {@code file} is {@code text}. */
    static Case rules(String kind, String file, String name, String text, String mention) {
        Path folder = xian(name, d -> write(d.resolve(file), text));
        return new Case(kind, name, assessWith(folder), List.of(file, mention), List.of());
    }

    /** A copy of the Xi'an folder whose {@code file} is a symbolic link to {@code target}. */
    static Case linked(String file, Path target, String name, String mention) {
        Path folder = xian(name, d -> {
            delete(d.resolve(file));
            TestFiles.link(d.resolve(file), target);
        });
        return new Case("link", name, assessWith(folder), List.of(file, mention), List.of());
    }

    static String[] assessWith(Path folder) {
        return new String[] {"assess", "--rules", folder.toString(), WORKER.toString()};
    }

    /** A fresh copy of the Xi'an rule folder, edited. */
    static Path xian(String name, Consumer<Path> edit) {
        Path d = Corpus.copyFolder(
                Corpus.ruleFolder("xian"), tmp.resolve("folders").resolve(name));
        edit.accept(d);
        return d;
    }

    static String nest(String open, String close, int depth, String inner) {
        return open.repeat(depth) + inner + close.repeat(depth) + "\n";
    }

    /** {@code unit} repeated to exactly {@code length} characters. */
    static String repeat(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    /** {@code text} with comment lines after it, to at least {@code bytes} bytes of UTF-8. */
    static String padded(String text, int bytes) {
        StringBuilder b = new StringBuilder(text.endsWith("\n") ? text : text + "\n");
        String line = "# " + "padding ".repeat(12) + "\n";
        int size = b.toString().getBytes(StandardCharsets.UTF_8).length;
        while (size + line.length() <= bytes) {
            b.append(line);
            size += line.length();
        }
        b.append("#").append(" ".repeat(Math.max(0, bytes - size - 2))).append('\n');
        return b.toString();
    }

    static Path write(Path p, String text) {
        try {
            return Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
