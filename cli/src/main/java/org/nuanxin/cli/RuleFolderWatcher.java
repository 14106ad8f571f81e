package org.nuanxin.cli;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.NuanxinException;
import org.nuanxin.Region;
import org.nuanxin.ReloadResult;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleProblem;
import org.nuanxin.model.Situation;
import org.nuanxin.model.Worker;
import org.nuanxin.scenario.WorkerFile;

/**
 * Reloads a region's rules whenever a policy author saves a file in its rule folder, while the
 * engine keeps serving.
 *
 * <p>The watcher listens to the rule folder and the scenario paths with a {@link WatchService}.
 * An editor's save is a burst of events (a temporary file, a rename, several writes), so the
 * watcher waits for {@linkplain #DEFAULT_QUIET 300 ms} without events (at most
 * {@value #MAX_DELAY_FACTOR} times that while events keep coming) and then calls
 * {@link Nuanxin#reload(Path, List) engine.reload(folder, scenarios)} once, on its own single
 * background thread: a reload compiles rules and runs the scenario suite, which takes seconds and
 * must never run on a thread that serves requests. {@code reload} promotes the new rules only when
 * they build, pass the guard and pass the suite; otherwise the old rules keep serving. Either way
 * the watcher reports the outcome, one line at a time, to a {@code Consumer<String>}:
 *
 * <pre>
 * xian: rejected rule set e9e5bf9f459d; 65f53bea530e keeps serving (96 passed, 3 failed), 3 problems:
 *   scratch/xw-sc/homecoming.yaml:53:0: error: scenario "Certified urgent trip, …" fails: [XIAN_…: expected …, got …]
 *   …
 * xian: promoted rule set e9e5bf9f459d (99 passed, 0 failed)
 * </pre>
 *
 * <p>The lines are in English, or in Chinese when the watcher is started with a Chinese locale
 * ({@link #start(Nuanxin, Path, List, Duration, Consumer, Consumer, Locale)}):
 *
 * <pre>
 * xian：已拒绝规则集 e9e5bf9f459d；继续使用规则集 65f53bea530e（96 通过，3 失败），3 个问题：
 * xian：已启用规则集 e9e5bf9f459d（99 通过，0 失败）
 * </pre>
 *
 * <p>The problems' own text comes from the library and is in English.
 *
 * <p>In a host application:
 *
 * <pre>{@code
 * Nuanxin engine = Nuanxin.builder().ruleFolder(rules).build();
 * RuleFolderWatcher watcher = RuleFolderWatcher.start(engine, rules, List.of(scenarios), log::info);
 * ...
 * watcher.close();                              // at shut-down
 * }</pre>
 *
 * <p>As a program, it watches a folder and prints, every few seconds, the rule-set version a sample
 * assessment was made with, so that one can watch it change:
 *
 * <pre>
 * java -cp cli/target/nuanxin.jar org.nuanxin.cli.RuleFolderWatcher \
 *     [--lang zh|en] [--worker examples/workers/xian-courier.yaml] RULES_DIR [SCENARIOS...]
 * </pre>
 *
 * <p>Its messages are in the language {@code --lang} names, by default Chinese when the system's language is
 * Chinese, else English, as the command line's.
 *
 * <p>Any change under the rule folder or a scenario path triggers a reload, except editors' backup
 * and swap files ({@code .#x}, {@code x~}, {@code .x.swp}); folders created later under a watched
 * folder are watched too. On Linux the events come from
 * inotify at once; some platforms (macOS) poll, and a change may take several seconds to be seen.
 */
public final class RuleFolderWatcher implements AutoCloseable {

    /** How long the folder must be quiet before a reload. */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(300);

    /** A burst that never quiets down is reloaded anyway after this many quiet periods. */
    public static final int MAX_DELAY_FACTOR = 10;

    private final Nuanxin engine;
    private final Path folder;
    private final List<Path> scenarios;
    private final Duration quiet;
    private final Consumer<String> log;
    private final Consumer<ReloadResult> listener;
    private final Lang lang;
    private final WatchService watchService;
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile ReloadResult last;

    private RuleFolderWatcher(
            Nuanxin engine,
            Path folder,
            List<Path> scenarios,
            Duration quiet,
            Consumer<String> log,
            Consumer<ReloadResult> listener,
            Lang lang)
            throws IOException {
        this.lang = Objects.requireNonNull(lang, "lang");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        this.scenarios =
                scenarios.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.quiet = Objects.requireNonNull(quiet, "quiet");
        if (quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("the quiet period must be positive");
        }
        this.log = Objects.requireNonNull(log, "log");
        this.listener = listener == null ? r -> {} : listener;
        if (!Files.isDirectory(this.folder)) {
            throw new IllegalArgumentException("no such rule folder: " + folder);
        }
        this.watchService = this.folder.getFileSystem().newWatchService();
        try {
            watchTree(this.folder);
            for (Path p : this.scenarios) {
                if (Files.isDirectory(p)) {
                    watchTree(p);
                } else if (p.getParent() != null && Files.isDirectory(p.getParent())) {
                    watch(p.getParent()); // a scenario file: its folder, filtered to the file
                } else {
                    throw new IllegalArgumentException("no such scenario file or folder: " + p);
                }
            }
        } catch (IOException | RuntimeException e) {
            watchService.close();
            throw e;
        }
        this.thread = new Thread(this::run, "nuanxin-rule-watcher");
        this.thread.setDaemon(true); // never keeps a host's JVM alive on its own
    }

    /**
     * Starts watching {@code folder} and {@code scenarios} with the {@linkplain #DEFAULT_QUIET default
     * quiet period}, reporting each reload to {@code log}.
     *
     * @param engine    the engine to reload; it should already serve the folder's region
     * @param folder    the rule folder ({@code region.yaml} and the files it lists)
     * @param scenarios the region's scenario files or folders; empty for the folder's {@code scenarios/}
     * @param log       receives one line per message (called on the watcher's thread)
     * @throws IOException when the folders cannot be watched
     */
    public static RuleFolderWatcher start(Nuanxin engine, Path folder, List<Path> scenarios, Consumer<String> log)
            throws IOException {
        return start(engine, folder, scenarios, DEFAULT_QUIET, log, null);
    }

    /**
     * Starts watching; as {@link #start(Nuanxin, Path, List, Consumer)}, with a quiet period of one's
     * own and a {@code listener} (may be {@code null}) that receives every {@link ReloadResult} after it
     * has been logged. The lines are in English.
     */
    public static RuleFolderWatcher start(
            Nuanxin engine,
            Path folder,
            List<Path> scenarios,
            Duration quiet,
            Consumer<String> log,
            Consumer<ReloadResult> listener)
            throws IOException {
        return start(engine, folder, scenarios, quiet, log, listener, Locale.ENGLISH);
    }

    /**
     * Starts watching; as {@link #start(Nuanxin, Path, List, Duration, Consumer, Consumer)}, with the lines in
     * Chinese when {@code locale}'s language is Chinese, else in English.
     */
    public static RuleFolderWatcher start(
            Nuanxin engine,
            Path folder,
            List<Path> scenarios,
            Duration quiet,
            Consumer<String> log,
            Consumer<ReloadResult> listener,
            Locale locale)
            throws IOException {
        RuleFolderWatcher w = new RuleFolderWatcher(engine, folder, scenarios, quiet, log, listener, Lang.of(locale));
        w.thread.start();
        return w;
    }

    /** The outcome of the latest reload, or {@code null} before the first. */
    public ReloadResult lastResult() {
        return last;
    }

    /**
     * Stops watching. A reload in progress finishes first (this waits for it, up to a minute); no
     * reload starts afterwards. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        try {
            watchService.close(); // wakes the thread from take() or poll()
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- the watcher's thread ------------------------------------------------------------------------------------

    private void run() {
        try {
            while (!closed) {
                if (!changed(watchService.take())) {
                    continue;
                }
                // Debounce: wait until the folder has been quiet for a whole quiet period, but no longer
                // than MAX_DELAY_FACTOR periods in all.
                long deadline = System.nanoTime() + quiet.toNanos() * MAX_DELAY_FACTOR;
                while (true) {
                    long wait = Math.min(quiet.toNanos(), deadline - System.nanoTime());
                    WatchKey key = wait <= 0 ? null : watchService.poll(wait, TimeUnit.NANOSECONDS);
                    if (key == null) {
                        break;
                    }
                    changed(key);
                }
                if (!closed) {
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    /** Reads a key's events (watching new folders) and says whether any concerns the rules or scenarios. */
    private boolean changed(WatchKey key) {
        Path dir = watched.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) { // events were lost: assume the worst
                relevant = true;
                continue;
            }
            if (dir == null) {
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path) && concerns(path)) {
                try {
                    watchTree(path);
                } catch (IOException | UncheckedIOException e) {
                    say(lang.pick("无法监视 " + path + "：", "cannot watch " + path + ": ") + Cli.oneLine(e.getMessage()));
                }
            }
            relevant |= concerns(path) && !editorNoise(path.getFileName().toString());
        }
        if (!key.reset()) {
            watched.remove(key);
            if (folder.equals(dir) && !closed) {
                say(lang.pick(
                        "已停止监视 " + folder + "：文件夹已不存在；请重新启动监视",
                        "stopped watching " + folder + ": the folder is gone; restart the watcher"));
            }
        }
        return relevant;
    }

    private void reload() {
        Map<String, String> before =
                engine.regions().stream().collect(Collectors.toMap(Region::id, Region::ruleSetVersion));
        ReloadResult r;
        try {
            r = engine.reload(folder, scenarios);
        } catch (RuntimeException e) { // reload says "never throws for bad rules"; be safe
            say(lang.pick("重新载入 " + folder + " 失败：", "reload of " + folder + " failed: ")
                    + Cli.oneLine(String.valueOf(e)));
            return;
        }
        last = r;
        outcome(r, before.get(r.region()), lang).forEach(this::say);
        try {
            listener.accept(r);
        } catch (RuntimeException e) {
            say(lang.pick("重新载入的监听器出错：", "reload listener failed: ") + Cli.oneLine(String.valueOf(e)));
        }
    }

    /**
     * The lines that report a reload in {@code lang}: whether its rules were promoted (or reloaded unchanged, when
     * {@code before}, the version that served before, is the same) or rejected, with the suite's counts, then each
     * problem on a line of its own.
     */
    static List<String> outcome(ReloadResult r, String before, Lang lang) {
        List<String> lines = new ArrayList<>();
        String counts = lang.pick(
                r.casesPassed() + " 通过，" + r.casesFailed() + " 失败",
                r.casesPassed() + " passed, " + r.casesFailed() + " failed");
        if (r.promoted()) {
            boolean unchanged = r.version().equals(before);
            lines.add(
                    lang == Lang.ZH
                            ? r.region() + "："
                                    + (unchanged ? "已重新载入，规则集 " + r.version() + " 未变" : "已启用规则集 " + r.version()) + "（"
                                    + counts + "）"
                            : r.region() + ": "
                                    + (unchanged
                                            ? "reloaded, rule set " + r.version() + " unchanged"
                                            : "promoted rule set " + r.version())
                                    + " (" + counts + ")");
        } else {
            int n = r.problems().size();
            lines.add(
                    lang == Lang.ZH
                            ? r.region() + "：已拒绝" + (r.candidate().isEmpty() ? "新规则（无法构建）" : "规则集 " + r.candidate())
                                    + "；"
                                    + (r.version().isEmpty() ? "没有规则集在使用" : "继续使用规则集 " + r.version()) + "（" + counts
                                    + "），" + n + " 个问题："
                            : r.region() + ": rejected "
                                    + (r.candidate().isEmpty()
                                            ? "the rules (they do not build)"
                                            : "rule set " + r.candidate())
                                    + "; " + (r.version().isEmpty() ? "nothing" : r.version()) + " keeps serving ("
                                    + counts
                                    + "), " + n + (n == 1 ? " problem:" : " problems:"));
            for (RuleProblem p : r.problems()) {
                lines.add("  " + Cli.oneLine(p.toString()));
            }
        }
        return lines;
    }

    private void say(String line) {
        try {
            log.accept(line);
        } catch (RuntimeException e) {
            // a failing log must not stop the watcher
        }
    }

    /** Whether a path is in the rule folder or is (or is under) one of the scenario paths. */
    private boolean concerns(Path path) {
        return path.startsWith(folder) || scenarios.stream().anyMatch(path::startsWith);
    }

    private static boolean editorNoise(String name) {
        return name.startsWith(".#")
                || name.endsWith("~")
                || name.endsWith(".swp")
                || name.endsWith(".swx")
                || name.endsWith(".tmp")
                || name.equals(".DS_Store")
                || name.equals("4913"); // vim's probe file
    }

    private void watchTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                watch(dir);
            }
        }
    }

    private void watch(Path dir) throws IOException {
        if (!watched.containsValue(dir)) {
            watched.put(dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
        }
    }

    // --- the program -------------------------------------------------------------------------------------------

    /** How often the program prints the version serving. */
    private static final Duration EVERY = Duration.ofSeconds(5);

    /**
     * Watches {@code RULES_DIR}, reloading it on every change, and prints every five seconds the
     * rule-set version a sample assessment was made with (and, with {@code --worker FILE}, that worker's
     * cash decisions). Runs until interrupted (Ctrl-C). Writes in the language of {@code --lang zh|en},
     * by default Chinese when the system's language is Chinese, else English.
     *
     * <pre>
     * java -cp cli/target/nuanxin.jar org.nuanxin.cli.RuleFolderWatcher \
     *     --worker examples/workers/xian-courier.yaml \
     *     scratch/xian rules-xian/src/test/resources/scenarios
     * </pre>
     */
    public static void main(String[] args) throws Exception {
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        Lang lang = Objects.requireNonNullElseGet(Lang.named(args), () -> Lang.of(Locale.getDefault()));
        Path workerFile = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--worker") && i + 1 < args.length) {
                workerFile = Path.of(args[++i]);
            } else if (args[i].equals("--lang") && i + 1 < args.length && Lang.named(args) != null) {
                i++;
            } else if (args[i].startsWith("--lang=") && Lang.named(args) != null) {
                continue;
            } else if (args[i].startsWith("-")) {
                paths.clear();
                break;
            } else {
                paths.add(Path.of(args[i]));
            }
        }
        if (paths.isEmpty()) {
            err.println(usage(lang));
            System.exit(Cli.BAD_INPUT);
        }
        Path rules = paths.get(0);
        List<Path> scenarios = paths.subList(1, paths.size());

        Nuanxin engine;
        WorkerFile worker;
        try {
            if (!Files.isDirectory(rules)) {
                throw new IllegalArgumentException(
                        lang.pick("没有规则文件夹 '" + rules + "'", "no such rule folder '" + rules + "'"));
            }
            worker = workerFile == null ? null : WorkerFile.read(workerFile);
            // Only the folder's region: the watched folder is the whole point.
            engine = Nuanxin.builder().noClasspathRegions().ruleFolder(rules).build();
        } catch (RuleBuildException e) {
            err.println(lang.pick(
                    "nuanxin: " + rules + " 中的规则无法构建；请先修正（lint 显示同样的问题）：",
                    "nuanxin: the rules in " + rules + " do not build; fix them first (lint shows the same):"));
            e.problems().forEach(p -> err.println("  " + Cli.oneLine(p.toString())));
            System.exit(Cli.BAD_INPUT);
            return;
        } catch (NuanxinException | IllegalArgumentException e) {
            err.println("nuanxin: " + Cli.oneLine(e.getMessage()));
            System.exit(Cli.BAD_INPUT);
            return;
        }
        String region = engine.regionIds().get(0);
        Situation situation = worker == null ? Situation.of(Worker.builder().build()) : worker.situation();
        LocalDate asOf =
                worker != null && worker.asOf() != null ? worker.asOf() : Nuanxin.todayInShanghai(Clock.systemUTC());

        if (scenarios.isEmpty() && !Files.isDirectory(rules.resolve("scenarios"))) {
            err.println(noScenarios(rules.resolve("scenarios"), lang));
        }
        RuleFolderWatcher watcher;
        try {
            watcher = start(
                    engine,
                    rules,
                    scenarios,
                    DEFAULT_QUIET,
                    line -> out.println(reloadLine(line, lang)),
                    null,
                    lang.locale());
        } catch (IllegalArgumentException e) {
            err.println("nuanxin: " + Cli.oneLine(e.getMessage()));
            System.exit(Cli.BAD_INPUT);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(watcher::close, "nuanxin-rule-watcher-stop"));
        out.println(watching(
                watcher.folder,
                scenarios.isEmpty() ? List.of(watcher.folder.resolve("scenarios")) : watcher.scenarios,
                lang));
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
        while (true) {
            Assessment a = engine.assess(region, situation, asOf); // a request thread: never blocked by a reload
            String cash = a.decisions().stream()
                    .filter(d -> d.amount() != null || d.amountMin() != null)
                    .map(Decision::toString)
                    .collect(Collectors.joining("; "));
            out.println(LocalTime.now().format(hms) + " " + region + lang.pick(" 规则集 ", " rule set ")
                    + a.ruleSetVersion() + (worker == null || cash.isEmpty() ? "" : "  " + cash));
            Thread.sleep(EVERY.toMillis());
        }
    }

    /** The program's usage line. */
    static String usage(Lang lang) {
        return lang.pick(
                "用法：RuleFolderWatcher [--lang zh|en] [--worker 文件] 规则文件夹 [场景...]（不给场景时：规则文件夹/scenarios）",
                "usage: RuleFolderWatcher [--lang zh|en] [--worker FILE] RULES_DIR [SCENARIOS...]"
                        + " (no SCENARIOS: RULES_DIR/scenarios)");
    }

    /** The warning that no suite was given and the folder has none. */
    static String noScenarios(Path expected, Lang lang) {
        return lang.pick(
                "nuanxin: 警告：没有给出场景，也没有 " + expected + "；每次重新载入都会被拒绝，因为规则只在场景用例通过时才启用",
                "nuanxin: warning: no SCENARIOS given and no " + expected
                        + "; every reload will be rejected, since rules are promoted only when a suite passes");
    }

    /** What the program is watching. */
    static String watching(Path folder, List<Path> scenarios, Lang lang) {
        String suite = scenarios.size() == 1 ? scenarios.get(0).toString() : scenarios.toString();
        return lang.pick(
                "正在监视 " + folder + " 和 " + suite + "（按 Ctrl-C 停止）",
                "watching " + folder + " and " + suite + " (Ctrl-C to stop)");
    }

    /** A line of the watcher, as the program prints it. */
    static String reloadLine(String line, Lang lang) {
        return lang.pick("重新载入：", "reload: ") + line;
    }
}
