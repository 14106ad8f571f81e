package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.ReloadResult;
import org.nuanxin.RuleProblem;
import org.nuanxin.scenario.WorkerFile;

/**
 * The watcher on a working copy of the Xi'an rules and two of its scenario files: a broken save and a change the suite
 * contradicts are rejected while the old rules keep serving; the change with its cases fixed is promoted.
 * The working directory is {@code cli/}.
 */
class RuleFolderWatcherTest {

    private static final Path XIAN_RULES = Path.of("../rules-xian/src/main/resources/org/nuanxin/region/xian");
    private static final Path XIAN_SCENARIOS = Path.of("../rules-xian/src/test/resources/scenarios");
    private static final Path COURIER = Path.of("../examples/workers/xian-courier.yaml"); // ticket cost 356.50
    private static final String TICKET = "XIAN_HOMECOMING_TICKET_SUBSIDY";
    /** Generous: a reload compiles the region and runs ~100 cases, a few seconds on a slow machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void reloadsOnlyWhatBuildsAndPassesTheSuite(@TempDir Path tmp) throws Exception {
        Path rules = copyTree(XIAN_RULES, tmp.resolve("xian"));
        // the two files whose ticket cases the test changes: the counts below stay what this test says
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        for (String file : List.of("homecoming.yaml", "xian-smoke.yaml")) {
            Files.copy(XIAN_SCENARIOS.resolve(file), scenarios.resolve(file));
        }
        Nuanxin engine = Nuanxin.builder().regions("xian").ruleFolder(rules).build(); // the copy replaces xian
        WorkerFile courier = WorkerFile.read(COURIER);
        Assessment first = assess(engine, courier);
        String original = first.ruleSetVersion();
        assertEquals(new BigDecimal("200.00"), ticket(first).amount());

        List<String> log = new CopyOnWriteArrayList<>();
        BlockingQueue<ReloadResult> results = new LinkedBlockingQueue<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        RuleFolderWatcher watcher =
                RuleFolderWatcher.start(engine, rules, List.of(scenarios), Duration.ofMillis(300), log::add, r -> {
                    threads.add(Thread.currentThread().getName());
                    results.add(r);
                });
        try {
            // (a) a save with a syntax error: rejected, the old rules keep serving
            Path drl = rules.resolve("homecoming.drl");
            String drlText = Files.readString(drl);
            Files.writeString(
                    drl,
                    "\nrule \"XA 返乡：半成品\" @benefit(\"*\") when\n    $t : Trip(\nthen\nend\n",
                    StandardOpenOption.APPEND);
            ReloadResult broken = await(results, r -> !r.promoted(), log);
            assertEquals("xian", broken.region());
            assertEquals(original, broken.version(), "the old rules keep serving");
            assertTrue(broken.problems().stream().anyMatch(p -> p.file().equals("homecoming.drl")), broken::toString);
            assertTrue(log.stream().anyMatch(l -> l.startsWith("xian: rejected ")), log::toString);
            assertTrue(log.stream().anyMatch(l -> l.startsWith("  homecoming.drl:")), log::toString);
            assertEquals(original, assess(engine, courier).ruleSetVersion());

            // (b) the file repaired and the cap raised to 300.00: the suite still expects 200.00, so rejected
            Files.writeString(drl, drlText);
            Path parameters = rules.resolve("parameters.yaml");
            String raised = Files.readString(parameters)
                    .replaceFirst(
                            "(homecoming\\.ticket_cap:\\s*\\n\\s*type: money\\s*\\n\\s*values:\\s*\\n\\s*2025-09-01: )200\\.00",
                            "$1300.00");
            assertTrue(raised.contains("2025-09-01: 300.00"), "the cap parameter is where the test expects it");
            Files.writeString(parameters, raised);
            ReloadResult contradicted = await(results, r -> !r.promoted() && r.casesFailed() > 0, log);
            assertEquals(3, contradicted.casesFailed(), contradicted::toString); // the three that pay the cap
            assertEquals(original, contradicted.version(), "the old rules keep serving");
            assertNotEquals(original, contradicted.candidate());
            String reasons = String.join("\n", log);
            for (String name : List.of(
                    "Certified urgent trip, ticket 200.01 - capped at 200.00",
                    "Certified urgent trip with no ticket cost given",
                    "Henan-hukou courier, union-certified urgent trip home")) {
                assertTrue(
                        reasons.contains("scenario \"" + name), () -> "the rejection names " + name + ":\n" + reasons);
            }
            assertTrue(reasons.contains("expected ELIGIBLE amount=200.00, got ELIGIBLE amount=300.00"), reasons);
            Assessment still = assess(engine, courier);
            assertEquals(original, still.ruleSetVersion());
            assertEquals(new BigDecimal("200.00"), ticket(still).amount());

            // (c) the cases' expectations updated to the new cap: promoted
            Path homecoming = scenarios.resolve("homecoming.yaml");
            String cases = Files.readString(homecoming);
            cases = inCase(
                    cases,
                    "Certified urgent trip, ticket 200.01 - capped at 200.00",
                    "ticket_cost: 200.01",
                    "ticket_cost: 300.01");
            cases = inCase(
                    cases,
                    "Certified urgent trip, ticket 200.01 - capped at 200.00",
                    "amount: 200.00",
                    "amount: 300.00");
            cases = inCase(
                    cases, "Certified urgent trip with no ticket cost given", "amount: 200.00", "amount: 300.00");
            Path smoke = scenarios.resolve("xian-smoke.yaml");
            String smokeCases = inCase(
                    Files.readString(smoke),
                    "Henan-hukou courier, union-certified urgent trip home",
                    "amount: 200.00",
                    "amount: 300.00");
            Files.writeString(homecoming, cases);
            Files.writeString(smoke, smokeCases);
            ReloadResult promoted = await(results, ReloadResult::promoted, log);
            assertNotEquals(original, promoted.version());
            assertEquals(0, promoted.casesFailed(), promoted::toString);
            assertTrue(
                    log.contains("xian: promoted rule set " + promoted.version() + " (" + promoted.casesPassed()
                            + " passed, 0 failed)"),
                    log::toString);
            Assessment now = assess(engine, courier);
            assertEquals(promoted.version(), now.ruleSetVersion());
            assertEquals(new BigDecimal("300.00"), ticket(now).amount());
            assertEquals(promoted, watcher.lastResult());
        } finally {
            watcher.close();
        }
        assertEquals(Set.of("nuanxin-rule-watcher"), threads, "reloads run on the watcher's own thread");

        // closed: a change no longer reloads
        results.clear();
        Files.writeString(rules.resolve("parameters.yaml"), "\n", StandardOpenOption.APPEND);
        assertNull(results.poll(1, TimeUnit.SECONDS), "no reload after close()");
    }

    @Test
    void reportsAReloadInChineseOrEnglish() {
        RuleProblem problem = new RuleProblem("homecoming.drl", 12, 4, RuleProblem.Severity.ERROR, "parse", "bad");
        ReloadResult rejected = new ReloadResult(
                "xian", false, "65f53bea530e", "65f53bea530e", "e9e5bf9f459d", List.of(problem), 96, 3);
        assertEquals(
                List.of("xian：已拒绝规则集 e9e5bf9f459d；继续使用规则集 65f53bea530e（96 通过，3 失败），1 个问题：", "  " + problem),
                RuleFolderWatcher.outcome(rejected, "65f53bea530e", Lang.ZH));
        assertEquals(
                List.of(
                        "xian: rejected rule set e9e5bf9f459d; 65f53bea530e keeps serving (96 passed, 3 failed), 1 problem:",
                        "  " + problem),
                RuleFolderWatcher.outcome(rejected, "65f53bea530e", Lang.EN));
        ReloadResult unbuilt = new ReloadResult("xian", false, "", "", "", List.of(problem), 0, 0);
        assertEquals(
                "xian：已拒绝新规则（无法构建）；没有规则集在使用（0 通过，0 失败），1 个问题：",
                RuleFolderWatcher.outcome(unbuilt, null, Lang.ZH).get(0));
        ReloadResult promoted =
                new ReloadResult("xian", true, "e9e5bf9f459d", "65f53bea530e", "e9e5bf9f459d", List.of(), 99, 0);
        assertEquals(
                List.of("xian：已启用规则集 e9e5bf9f459d（99 通过，0 失败）"),
                RuleFolderWatcher.outcome(promoted, "65f53bea530e", Lang.ZH));
        assertEquals(
                List.of("xian: promoted rule set e9e5bf9f459d (99 passed, 0 failed)"),
                RuleFolderWatcher.outcome(promoted, "65f53bea530e", Lang.EN));
        assertEquals(
                List.of("xian：已重新载入，规则集 e9e5bf9f459d 未变（99 通过，0 失败）"),
                RuleFolderWatcher.outcome(promoted, "e9e5bf9f459d", Lang.ZH));
        assertEquals(
                "用法：RuleFolderWatcher [--lang zh|en] [--worker 文件] 规则文件夹 [场景...]（不给场景时：规则文件夹/scenarios）",
                RuleFolderWatcher.usage(Lang.ZH));
        assertEquals("重新载入：x", RuleFolderWatcher.reloadLine("x", Lang.ZH));
        assertEquals("reload: x", RuleFolderWatcher.reloadLine("x", Lang.EN));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aWatcherStartedInChineseSaysSoInChinese(@TempDir Path tmp) throws Exception {
        Path rules = copyTree(XIAN_RULES, tmp.resolve("xian"));
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        Files.copy(XIAN_SCENARIOS.resolve("xian-smoke.yaml"), scenarios.resolve("xian-smoke.yaml"));
        Nuanxin engine = Nuanxin.builder().regions("xian").ruleFolder(rules).build();
        List<String> log = new CopyOnWriteArrayList<>();
        BlockingQueue<ReloadResult> results = new LinkedBlockingQueue<>();
        RuleFolderWatcher watcher = RuleFolderWatcher.start(
                engine, rules, List.of(scenarios), Duration.ofMillis(300), log::add, results::add, Locale.CHINA);
        try {
            Files.writeString(rules.resolve("parameters.yaml"), "\n# 一处修改\n", StandardOpenOption.APPEND);
            ReloadResult promoted = await(results, ReloadResult::promoted, log);
            assertEquals(
                    "xian：已启用规则集 " + promoted.version() + "（" + promoted.casesPassed() + " 通过，0 失败）",
                    log.get(log.size() - 1),
                    log::toString);
        } finally {
            watcher.close();
        }
    }

    @Test
    void refusesAMissingFolder(@TempDir Path tmp) {
        Nuanxin engine = Nuanxin.builder().regions("xian").build();
        try {
            RuleFolderWatcher.start(engine, tmp.resolve("nope"), List.of(), s -> {})
                    .close();
            fail("a missing folder is refused");
        } catch (IllegalArgumentException | IOException e) {
            assertTrue(e.getMessage().contains("nope"), e::toString);
        }
    }

    /** The first result that matches, skipping others, within {@link #TIMEOUT}. */
    private static ReloadResult await(
            BlockingQueue<ReloadResult> results, Predicate<ReloadResult> wanted, List<String> log)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ReloadResult r = left <= 0 ? null : results.poll(left, TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("no such reload within " + TIMEOUT.toSeconds() + " s; the watcher said:\n"
                        + String.join("\n", log));
            }
            if (wanted.test(r)) {
                return r;
            }
        }
    }

    /** Replaces {@code from} by {@code to} once, in the case named {@code name} (up to the next case). */
    private static String inCase(String text, String name, String from, String to) {
        int start = text.indexOf("- name: " + name);
        assertTrue(start >= 0, () -> "no case " + name);
        int end = text.indexOf("\n  - name:", start);
        end = end < 0 ? text.length() : end;
        String block = text.substring(start, end);
        assertTrue(block.contains(from), () -> "'" + from + "' not in case " + name);
        return text.substring(0, start)
                + block.replaceFirst(java.util.regex.Pattern.quote(from), to)
                + text.substring(end);
    }

    private static Assessment assess(Nuanxin engine, WorkerFile w) {
        return engine.assess(w.region(), w.situation(), w.asOf());
    }

    private static Decision ticket(Assessment a) {
        return a.decision(TICKET).orElseThrow();
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        assertTrue(Files.isDirectory(from), () -> from.toAbsolutePath() + " is not there");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
