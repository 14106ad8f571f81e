package org.nuanxin.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff results.json}) into Markdown: one row per
 * benchmark, region and thread count with the throughput (ops/s), the p50 and p99 latency (µs, from
 * the sample-mode runs) and the allocation per operation ({@code gc.alloc.rate.norm}, bytes, present
 * when the run used {@code -prof gc}); then, for every facade variant (evaluation, cache) of every
 * region, the ratios to plainDrools of the same region and to handCoded (Xi'an), each computed from
 * the same file.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.nuanxin.benchmarks.Report results.json [more.json …]</pre>
 *
 * Several files give one section each (ratios never mix runs).
 */
public final class Report {

    private static final List<String> METHODS = List.of("facade", "facadeExplained", "plainDrools", "handCoded");
    private static final List<String> REGIONS = List.of("xian", "qingdao", "zhejiang", "neimenggu", "xinjiang");

    /** What one benchmark, region and thread count measured; NaN where the run did not measure it. */
    static final class Row {
        /** The benchmark method, with its variant for the facade: {@code facade (direct, cache off)}. */
        final String method;

        final String region;
        final int threads;
        double opsPerSecond = Double.NaN;
        double opsError = Double.NaN;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        double allocThroughput = Double.NaN;
        double allocSample = Double.NaN;

        Row(String method, String region, int threads) {
            this.method = method;
            this.region = region;
            this.threads = threads;
        }

        double alloc() {
            return Double.isNaN(allocThroughput) ? allocSample : allocThroughput;
        }
    }

    private Report() {}

    public static void main(String[] args) throws IOException {
        List<String> files = args.length == 0 ? List.of("results.json") : List.of(args);
        StringBuilder out = new StringBuilder();
        for (String f : files) {
            out.append(render(f, Files.readString(Path.of(f), StandardCharsets.UTF_8)));
        }
        System.out.print(out);
    }

    /** The Markdown for one result file. */
    static String render(String name, String json) {
        Object parsed = new Json(json).value();
        if (!(parsed instanceof List<?> results)) {
            throw new IllegalArgumentException(name + " is not a JMH JSON result file (expected an array)");
        }
        Map<String, Row> rows = new TreeMap<>();
        String header = "";
        for (Object o : results) {
            Map<?, ?> r = (Map<?, ?>) o;
            String benchmark = (String) r.get("benchmark");
            String base = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Map<?, ?> params = r.get("params") instanceof Map<?, ?> p ? p : Map.of();
            String named = params.get("region") instanceof String s ? s : "xian";
            // another workload than the default: rows of its own, compared among themselves
            String region =
                    params.get("workload") instanceof String w && !w.equals("spread") ? named + " (" + w + ")" : named;
            String method = label(base, params);
            int threads = (int) number(r.get("threads"));
            Row row = rows.computeIfAbsent(key(base, method, region, threads), k -> new Row(method, region, threads));
            Map<?, ?> primary = (Map<?, ?>) r.get("primaryMetric");
            String unit = (String) primary.get("scoreUnit");
            String mode = (String) r.get("mode");
            if (mode.equals("thrpt")) {
                double perSecond = opsPerSecondFactor(unit);
                row.opsPerSecond = number(primary.get("score")) * perSecond;
                row.opsError = number(primary.get("scoreError")) * perSecond;
            } else if (mode.equals("sample")) {
                double toMicros = microsFactor(unit);
                Map<?, ?> pct = (Map<?, ?>) primary.get("scorePercentiles");
                row.p50 = number(pct.get("50.0")) * toMicros;
                row.p99 = number(pct.get("99.0")) * toMicros;
            }
            double alloc = allocation(r.get("secondaryMetrics"));
            if (mode.equals("thrpt")) {
                row.allocThroughput = alloc;
            } else {
                row.allocSample = alloc;
            }
            if (header.isEmpty()) {
                header = String.format(
                        Locale.ROOT,
                        "JMH %s, JDK %s; %s fork(s), warm-up %s × %s, measurement %s × %s",
                        r.get("jmhVersion"),
                        r.get("jdkVersion"),
                        fmtInt(number(r.get("forks"))),
                        fmtInt(number(r.get("warmupIterations"))),
                        r.get("warmupTime"),
                        fmtInt(number(r.get("measurementIterations"))),
                        r.get("measurementTime"));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("## Results: ").append(name).append("\n\n").append(header).append("\n\n");
        md.append("| benchmark | region | threads | throughput (ops/s) | p50 (µs) | p99 (µs) | alloc (B/op) |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows.values()) {
            md.append("| ")
                    .append(r.method)
                    .append(" | ")
                    .append(r.region)
                    .append(" | ")
                    .append(r.threads)
                    .append(" | ")
                    .append(throughput(r))
                    .append(" | ")
                    .append(fmt(r.p50))
                    .append(" | ")
                    .append(fmt(r.p99))
                    .append(" | ")
                    .append(fmtInt(r.alloc()))
                    .append(" |\n");
        }
        md.append("\n### Ratios, from this run\n\n");
        md.append("Each facade variant against plainDrools on the same region's rules and against handCoded (Xi'an"
                + " only). Throughput ratio below 1 and latency or allocation ratio above 1: the facade is slower or"
                + " allocates more.\n\n");
        md.append("| region | threads | facade | throughput facade/plainDrools | throughput facade/handCoded"
                + " | p50 facade/plainDrools | p50 facade/handCoded | p99 facade/plainDrools | p99 facade/handCoded"
                + " | alloc facade/plainDrools | alloc facade/handCoded |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        boolean any = false;
        for (Row f : rows.values()) {
            if (!f.method.startsWith("facade")) {
                continue;
            }
            Row d = rows.get(key("plainDrools", "plainDrools", f.region, f.threads));
            Row h = baseRegion(f.region).equals("xian")
                    ? rows.get(key("handCoded", "handCoded", f.region, f.threads))
                    : null;
            if (d == null && h == null) {
                continue;
            }
            any = true;
            md.append("| ")
                    .append(f.region)
                    .append(" | ")
                    .append(f.threads)
                    .append(" | ")
                    .append(f.method)
                    .append(" | ")
                    .append(ratio(f.opsPerSecond, d == null ? Double.NaN : d.opsPerSecond))
                    .append(" | ")
                    .append(ratio(f.opsPerSecond, h == null ? Double.NaN : h.opsPerSecond))
                    .append(" | ")
                    .append(ratio(f.p50, d == null ? Double.NaN : d.p50))
                    .append(" | ")
                    .append(ratio(f.p50, h == null ? Double.NaN : h.p50))
                    .append(" | ")
                    .append(ratio(f.p99, d == null ? Double.NaN : d.p99))
                    .append(" | ")
                    .append(ratio(f.p99, h == null ? Double.NaN : h.p99))
                    .append(" | ")
                    .append(ratio(f.alloc(), d == null ? Double.NaN : d.alloc()))
                    .append(" | ")
                    .append(ratio(f.alloc(), h == null ? Double.NaN : h.alloc()))
                    .append(" |\n");
        }
        if (!any) {
            md.append("| – | | (the file has no facade result with plainDrools or handCoded at the same region and"
                    + " thread count) | | | | | | | | |\n");
        }
        return md.append('\n').toString();
    }

    /**
     * The method's name, with the facade's variant when the run varied it: {@code facade (direct, cache
     * off)}; {@code cachedDecisions} 0 is "cache off", any other value "cache on".
     */
    static String label(String method, Map<?, ?> params) {
        if (!method.startsWith("facade")) {
            return method;
        }
        List<String> parts = new java.util.ArrayList<>();
        if (params.get("evaluation") instanceof String e) {
            parts.add(e);
        }
        if (params.get("cachedDecisions") instanceof String c) {
            parts.add(c.equals("0") ? "cache off" : "cache on");
        }
        return parts.isEmpty() ? method : method + " (" + String.join(", ", parts) + ")";
    }

    /** Sorts rows: xian first, then by region; facade variants, plainDrools, handCoded; then threads. */
    private static String key(String base, String label, String region, int threads) {
        int m = METHODS.indexOf(base);
        int r = REGIONS.indexOf(baseRegion(region));
        return String.format(
                Locale.ROOT, "%02d|%s|%02d|%s|%04d", r < 0 ? 99 : r, region, m < 0 ? 99 : m, label, threads);
    }

    /** {@code xian} of {@code xian (day)}. */
    private static String baseRegion(String region) {
        int space = region.indexOf(' ');
        return space < 0 ? region : region.substring(0, space);
    }

    private static double allocation(Object secondary) {
        if (secondary instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                // "gc.alloc.rate.norm" (older JMH versions prefix it with "·")
                if (e.getKey().toString().endsWith("gc.alloc.rate.norm") && e.getValue() instanceof Map<?, ?> v) {
                    return number(v.get("score"));
                }
            }
        }
        return Double.NaN;
    }

    static double opsPerSecondFactor(String unit) {
        return switch (unit) {
            case "ops/s" -> 1;
            case "ops/ms" -> 1e3;
            case "ops/us" -> 1e6;
            case "ops/ns" -> 1e9;
            case "ops/min" -> 1.0 / 60;
            case "ops/hr" -> 1.0 / 3600;
            default -> throw new IllegalArgumentException("unexpected throughput unit " + unit);
        };
    }

    static double microsFactor(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-3;
            case "us/op" -> 1;
            case "ms/op" -> 1e3;
            case "s/op" -> 1e6;
            case "min/op" -> 60e6;
            default -> throw new IllegalArgumentException("unexpected time unit " + unit);
        };
    }

    private static double number(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof String s) { // JMH writes "NaN" for an error it could not compute
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String throughput(Row r) {
        if (Double.isNaN(r.opsPerSecond)) {
            return "–";
        }
        String s = fmtInt(r.opsPerSecond);
        return Double.isNaN(r.opsError) ? s : s + " ± " + fmtInt(r.opsError);
    }

    /** {@code a/b} with three significant digits, and as {@code 1/N} or {@code N×} when far from 1. */
    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "–";
        }
        double r = a / b;
        String plain = sig3(r);
        if (r > 0 && r < 0.5) {
            return plain + " (1/" + sig3(1 / r) + ")";
        }
        return plain;
    }

    /** Thousands grouped with a thin space, as the calibration notes print them. */
    static String fmtInt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%,d", Math.round(v));
        return s.replace(',', ' ');
    }

    /** Latencies: three significant digits. */
    static String fmt(double v) {
        return Double.isNaN(v) ? "–" : sig3(v);
    }

    private static String sig3(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1000) {
            return fmtInt(v);
        }
        int decimals =
                abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - (int) Math.floor(Math.log10(abs)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A small JSON reader: objects (insertion-ordered maps), arrays, strings, numbers (double), booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = Objects.requireNonNull(s);
        }

        Object value() {
            skip();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skip();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                skip();
                String k = string();
                skip();
                expect(':');
                m.put(k, value());
                skip();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            i++;
            skip();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(value());
                skip();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private Double number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character '" + s.charAt(i) + "'");
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
            return v;
        }

        private void expect(char c) {
            skip();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + i);
        }
    }
}
