package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Nuanxin;
import org.nuanxin.cli.Cli;

/**
 * The command line, run in-process, on the corpus of malformed files under
 * {@code src/test/resources/malformed/} and on malformed arguments: every one ends with exit code 2,
 * nothing on stdout and exactly one line on stderr, {@code nuanxin: …}, naming what is wrong, and no
 * stack trace.
 */
@Order(50)
class CommandLineMalformedInputTest {

    static final Path CORPUS = Path.of("src/test/resources/malformed");
    /** 2026-03-10 10:00 in Shanghai: "today" for files without as_of. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(
                        new Cli(CLOCK, Nuanxin::builder), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        Run r = new Run(code, out.toString(), err.toString());
        Observed.text("command line stdout", r.out());
        Observed.text("command line stderr", r.err());
        return r;
    }

    static void assertBadInput(Run r, String mention) {
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("nuanxin: "), r::toString);
        if (mention != null) {
            assertTrue(line.contains(mention), () -> "expected '" + mention + "' in: " + line);
        }
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    static List<Path> files(String mode) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS.resolve(mode))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The token of the file's first line {@code # expect: TOKEN}, or null. */
    static String expected(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("# expect: ")) {
            return text.substring("# expect: ".length(), text.indexOf('\n')).strip();
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedFileEndsWithExitCode2AndOneLine() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String mode : List.of("assess", "verify")) {
            List<Path> files = files(mode);
            for (Path f : files) {
                tests.add(DynamicTest.dynamicTest(mode + " " + f.getFileName(), () -> {
                    Run r = run(mode, f.toString());
                    Figures.add("cli.files", 1);
                    Figures.add("cli.files." + mode, 1);
                    assertBadInput(r, expected(f));
                    Figures.add("cli.files.exit2", 1);
                }));
            }
        }
        assertTrue(tests.size() >= 40, "at least 40 malformed files: " + tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> malformedArgumentsEndWithExitCode2AndOneLine() throws IOException {
        Path worker = CORPUS.resolve("../workers/courier.yaml");
        Path emptyFolder = Files.createDirectories(tmp.resolve("empty"));
        Path brokenRules = Corpus.copyFolder(Corpus.ruleFolder("xian"), tmp.resolve("broken-xian"));
        Files.writeString(
                brokenRules.resolve("health.drl"),
                Files.readString(brokenRules.resolve("health.drl")).replaceFirst("then", "then then ("));
        Path guardedRules = Corpus.copyFolder(Corpus.ruleFolder("xian"), tmp.resolve("guarded-xian"));
        Files.writeString(
                guardedRules.resolve("health.drl"),
                Files.readString(guardedRules.resolve("health.drl"))
                        .replaceFirst("then\n", "then\n    System.exit(3);\n"));
        List<String[]> cases = List.of(
                new String[] {"no such file", "assess", "no/such/file.yaml"},
                new String[] {"a folder", "assess", CORPUS.toString()},
                new String[] {"unknown region", "assess", "--region", "atlantis", worker.toString()},
                new String[] {"as-of month 13", "assess", "--as-of", "2026-13-01", worker.toString()},
                new String[] {"as-of with slashes", "assess", "--as-of", "2026/03/10", worker.toString()},
                new String[] {"no file", "assess"},
                new String[] {"--rules: no such folder", "assess", "--rules", "no/such/folder", worker.toString()},
                new String[] {
                    "--rules: a DRL syntax error", "assess", "--rules", brokenRules.toString(), worker.toString()
                },
                new String[] {
                    "--rules: a call the guard refuses", "assess", "--rules", guardedRules.toString(), worker.toString()
                },
                new String[] {"verify: no such path", "verify", "no/such/folder"},
                new String[] {"verify: an empty folder", "verify", emptyFolder.toString()},
                new String[] {"unknown command", "judge", worker.toString()},
                new String[] {"unknown option", "assess", "--fast", worker.toString()},
                new String[] {"no command"},
                new String[] {"benefits: unknown region", "benefits", "--region", "atlantis"},
                new String[] {"lint: no such folder", "lint", "no/such/folder"});
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            tests.add(DynamicTest.dynamicTest(c[0], () -> {
                Run r = run(args);
                Figures.add("cli.arguments", 1);
                assertBadInput(r, null);
                Figures.add("cli.arguments.exit2", 1);
            }));
        }
        tests.add(DynamicTest.dynamicTest("the well-formed worker file is assessed (control)", () -> {
            Run r = run("assess", worker.toString());
            assertEquals(0, r.code(), r::toString);
            assertEquals("", r.err(), r::toString);
        }));
        return tests.stream();
    }
}
