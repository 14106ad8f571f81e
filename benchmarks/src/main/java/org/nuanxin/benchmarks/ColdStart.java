package org.nuanxin.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.nuanxin.Nuanxin;
import org.nuanxin.UnknownRegionException;

/**
 * Start-up costs, printed as Markdown:
 *
 * <ol>
 *   <li><b>Whole processes</b>: wall time and peak resident set size of
 *       {@code java -jar cli/target/nuanxin.jar assess examples/workers/xian-courier.yaml} and of
 *       {@code … verify rules-xian/src/test/resources/scenarios}, each run N times (after one untimed
 *       run of each, so that the jar is in the file cache), alternating; median and min–max. Peak RSS
 *       comes from GNU {@code /usr/bin/time -f %M} when it is there, else from polling the child's
 *       {@code VmHWM} in {@code /proc/<pid>/status} through its {@link ProcessHandle} pid.</li>
 *   <li><b>Rule-base builds inside one JVM</b>: after a warm-up (the Xi'an engine built K times), each
 *       bundled region's engine ({@code Nuanxin.builder().regions(id).build()}, precompiled rules) is
 *       built K times and the last build is reported; then the Xi'an rule folder compiled from DRL
 *       ({@code ruleFolder(...)}, when the source tree is there) and the plain {@code KnowledgeBuilder}
 *       compile of the same DRL ({@link PlainDrools}).</li>
 * </ol>
 *
 * <pre>
 * cd <repository root>   # the commands are run from here
 * java -cp benchmarks/target/benchmarks.jar org.nuanxin.benchmarks.ColdStart [--runs 11] [--builds 5]
 *      [--root .] [--jar cli/target/nuanxin.jar] [--java /path/to/java] [--no-processes] [--no-builds]
 * </pre>
 */
public final class ColdStart {

    private static final List<String> REGIONS = List.of("xian", "qingdao", "zhejiang", "neimenggu", "xinjiang");

    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        int runs = 11;
        int builds = 5;
        Path root = Path.of(".");
        String jar = "cli/target/nuanxin.jar";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        boolean processes = true;
        boolean inProcess = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--builds" -> builds = Integer.parseInt(args[++i]);
                case "--root" -> root = Path.of(args[++i]);
                case "--jar" -> jar = args[++i];
                case "--java" -> java = args[++i];
                case "--no-processes" -> processes = false;
                case "--no-builds" -> inProcess = false;
                default -> {
                    System.err.println(
                            "usage: ColdStart [--runs N] [--builds K] [--root DIR] [--jar PATH] [--java PATH]"
                                    + " [--no-processes] [--no-builds]");
                    System.exit(2);
                }
            }
        }
        if (runs < 1 || builds < 1) {
            throw new IllegalArgumentException("--runs and --builds must be positive");
        }
        System.out.printf(
                Locale.ROOT,
                "## Cold start%n%nJDK %s, %d processors, %s%n%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java);
        if (processes) {
            processes(root.toAbsolutePath().normalize(), java, jar, runs);
        }
        if (inProcess) {
            builds(root.toAbsolutePath().normalize(), builds);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // whole processes

    private static void processes(Path root, String java, String jar, int runs) throws Exception {
        if (!Files.isRegularFile(root.resolve(jar))) {
            System.out.println("(skipped the process runs: " + root.resolve(jar)
                    + " is missing; build it with `mvn -q -DskipTests package` at the project root)\n");
            return;
        }
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put(
                "assess examples/workers/xian-courier.yaml",
                List.of(java, "-jar", jar, "assess", "examples/workers/xian-courier.yaml"));
        commands.put(
                "verify rules-xian/src/test/resources/scenarios",
                List.of(java, "-jar", jar, "verify", "rules-xian/src/test/resources/scenarios"));
        boolean gnuTime = gnuTimeWorks();
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        Map<String, List<Integer>> exits = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> c : commands.entrySet()) {
            run(root, c.getValue(), gnuTime); // untimed: fills the file cache
            results.put(c.getKey(), new ArrayList<>());
            exits.put(c.getKey(), new ArrayList<>());
        }
        for (int r = 0; r < runs; r++) { // alternate the commands: drifts hit both alike
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                double[] m = run(root, c.getValue(), gnuTime);
                results.get(c.getKey()).add(m);
                exits.get(c.getKey()).add((int) m[2]);
            }
        }
        System.out.printf(
                Locale.ROOT, "### Whole process (`java -jar %s …`, %d runs each, run from %s)%n%n", jar, runs, root);
        System.out.println("Peak RSS from "
                + (gnuTime
                        ? "`/usr/bin/time -f %M`."
                        : "polling `VmHWM` in /proc/<pid>/status"
                                + " every 2 ms (may miss growth in the last milliseconds)."));
        System.out.println();
        System.out.println(
                "| command | wall time, median [min–max] (ms) | peak RSS, median [min–max] (MB) | exit codes |");
        System.out.println("|---|---:|---:|---|");
        for (String name : commands.keySet()) {
            List<double[]> ms = results.get(name);
            double[] wall = ms.stream().mapToDouble(m -> m[0]).sorted().toArray();
            double[] rss = ms.stream()
                    .mapToDouble(m -> m[1])
                    .filter(v -> v >= 0)
                    .sorted()
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "| `%s` | %s | %s | %s |%n",
                    name,
                    summary(wall, 0),
                    summary(rss, 0),
                    exits.get(name).stream()
                            .distinct()
                            .map(String::valueOf)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse(""));
        }
        System.out.println();
    }

    /** Wall time (ms), peak RSS (MB, or -1) and exit code of one run. */
    private static double[] run(Path root, List<String> command, boolean gnuTime) throws Exception {
        File rssFile = File.createTempFile("nuanxin-rss", ".txt");
        File errFile = File.createTempFile("nuanxin-err", ".txt");
        try {
            List<String> cmd = new ArrayList<>();
            if (gnuTime) {
                cmd.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rssFile.getPath()));
            }
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(root.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errFile);
            long start = System.nanoTime();
            Process p = pb.start();
            long peakKb = -1;
            if (!gnuTime) {
                Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
                while (p.isAlive()) {
                    long hwm = vmHwmKb(status);
                    peakKb = Math.max(peakKb, hwm);
                    Thread.sleep(2);
                }
            }
            int exit = p.waitFor();
            double wallMs = (System.nanoTime() - start) / 1e6;
            if (gnuTime) {
                String text = Files.readString(rssFile.toPath(), StandardCharsets.UTF_8)
                        .strip();
                String[] lines = text.split("\\R");
                peakKb = Long.parseLong(lines[lines.length - 1].strip());
            }
            if (exit != 0) {
                String err = Files.readString(errFile.toPath(), StandardCharsets.UTF_8)
                        .strip();
                System.err.println("warning: `" + String.join(" ", command) + "` exited with " + exit
                        + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")));
            }
            return new double[] {wallMs, peakKb < 0 ? -1 : peakKb / 1024.0, exit};
        } finally {
            Files.deleteIfExists(rssFile.toPath());
            Files.deleteIfExists(errFile.toPath());
        }
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just exited, or there is no /proc
        }
        return -1;
    }

    /** Whether GNU time is installed and writes the peak RSS with {@code -f %M -o file}. */
    private static boolean gnuTimeWorks() {
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            return false;
        }
        try {
            File f = File.createTempFile("nuanxin-rss", ".txt");
            try {
                Process p = new ProcessBuilder("/usr/bin/time", "-f", "%M", "-o", f.getPath(), "true")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (p.waitFor() != 0) {
                    return false;
                }
                String text =
                        Files.readString(f.toPath(), StandardCharsets.UTF_8).strip();
                return text.matches("(?s).*\\d+");
            } finally {
                Files.deleteIfExists(f.toPath());
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // rule-base builds in this JVM

    private static void builds(Path root, int k) {
        System.out.printf(
                Locale.ROOT,
                "### Rule-base builds in one JVM (each built %d times; warm-up: the xian engine"
                        + " built %d times first)%n%n",
                k,
                k);
        System.out.println("| rule base | how | first build (ms) | last build (ms) | min–max (ms) |");
        System.out.println("|---|---|---:|---:|---:|");
        time(
                "(warm-up) xian",
                "Nuanxin.builder().regions(\"xian\").build()",
                () -> Nuanxin.builder().regions("xian").build(),
                k);
        for (String region : REGIONS) {
            try {
                time(
                        region,
                        "Nuanxin.builder().regions(\"" + region + "\").build(), bundled (precompiled) rules",
                        () -> Nuanxin.builder().regions(region).build(),
                        k);
            } catch (UnknownRegionException e) {
                System.out.println("| " + region + " | not on the classpath | | | |");
            }
        }
        Path folder = root.resolve("rules-xian/src/main/resources/org/nuanxin/region/xian");
        if (Files.isDirectory(folder)) {
            time(
                    "xian (rule folder)",
                    "Nuanxin.builder().noClasspathRegions().ruleFolder(…).build(), DRL compiled at run time",
                    () -> Nuanxin.builder()
                            .noClasspathRegions()
                            .ruleFolder(folder)
                            .build(),
                    k);
        }
        time(
                "xian (plain Drools)",
                "KnowledgeBuilder from the classpath DRL, newKieBase() (the plainDrools benchmark's setup)",
                PlainDrools::new,
                k);
        System.out.println();
    }

    private static void time(String name, String how, Supplier<Object> build, int k) {
        double[] ms = new double[k];
        Object keep = null;
        for (int i = 0; i < k; i++) {
            keep = null; // let the previous engine go before the next build
            System.gc();
            long t = System.nanoTime();
            keep = build.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        if (keep == null) {
            throw new IllegalStateException(name);
        }
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "| %s | `%s` | %.1f | %.1f | %.1f–%.1f |%n",
                name,
                how,
                ms[0],
                ms[k - 1],
                sorted[0],
                sorted[k - 1]);
    }

    /** {@code median [min–max]} of sorted values. */
    private static String summary(double[] sorted, int decimals) {
        if (sorted.length == 0) {
            return "–";
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " [" + f + "–" + f + "]", median, sorted[0], sorted[n - 1]);
    }
}
