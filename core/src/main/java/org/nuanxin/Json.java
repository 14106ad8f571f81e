package org.nuanxin;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A small JSON writer for the library's own result types: no reflection, stable field order.
 *
 * <p>Hand-written, though Jackson's streaming generator writes the same bytes faster
 * ({@code JsonBenchmark}: 1.45 ± 0.13 times this writer's throughput writing the same tree, 1.94 ± 0.14 walking
 * the assessment directly; docs/performance.md): Jackson would be core's only JSON library, 599 KB of
 * jackson-core on the slim runtime (1.6 MiB today, docs/dependencies.md), for output that a web host
 * usually writes with its own library from {@link Assessment#toMap()}. Revisit if {@code toJson()} becomes a
 * hot path (the command line's {@code assess} is its main user).
 */
final class Json {

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    private int depth;

    private Json(boolean pretty) {
        this.pretty = pretty;
    }

    /** An assessment as an indented JSON object. */
    public static String assessment(Assessment a) {
        Json j = new Json(true);
        j.value(toMap(a));
        return j.out.toString();
    }

    /** Any tree of maps, collections, strings, numbers, booleans and nulls, indented. */
    public static String write(Object tree) {
        Json j = new Json(true);
        j.value(tree);
        return j.out.toString();
    }

    /** The assessment as a tree of maps and lists, the shape {@link #assessment} writes. */
    public static Map<String, Object> toMap(Assessment a) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("region", a.region());
        m.put("as_of", a.asOf().toString());
        m.put("rule_set_version", a.ruleSetVersion());
        java.util.List<Object> decisions = new java.util.ArrayList<>();
        for (Decision d : a.decisions()) {
            decisions.add(toMap(d));
        }
        m.put("decisions", decisions);
        return m;
    }

    private static Map<String, Object> toMap(Decision d) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("benefit", d.code());
        m.put("name_zh", d.benefit().nameZh());
        m.put("name_en", d.benefit().nameEn());
        m.put("kind", d.benefit().kind().name());
        m.put("status", d.status().name());
        m.put("provider", d.benefit().provider().name());
        m.put("amount", d.amount());
        if (d.amountMin() != null) {
            m.put("amount_min", d.amountMin());
            m.put("amount_max", d.amountMax());
        }
        m.put("value", d.value());
        m.put("missing", d.missing());
        java.util.List<Object> reasons = new java.util.ArrayList<>();
        for (Reason r : d.reasons()) {
            Map<String, Object> rm = new java.util.LinkedHashMap<>();
            rm.put("rule", r.rule());
            rm.put("outcome", r.outcome().name());
            Map<String, Object> citation = new java.util.LinkedHashMap<>();
            citation.put("source", r.source());
            citation.put("clause", r.clause());
            rm.put("citation", citation);
            rm.put("text_zh", r.textZh());
            rm.put("text_en", r.textEn());
            if (!r.missing().isEmpty()) {
                rm.put("missing", r.missing());
            }
            reasons.add(rm);
        }
        m.put("reasons", reasons);
        return m;
    }

    private void value(Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof BigDecimal b) {
            out.append(b.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            object(m);
        } else if (v instanceof Collection<?> c) {
            array(c);
        } else {
            string(v.toString());
        }
    }

    private void object(Map<?, ?> m) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        depth++;
        Iterator<? extends Map.Entry<?, ?>> it =
                (m instanceof java.util.SortedMap || m instanceof java.util.LinkedHashMap)
                        ? m.entrySet().iterator()
                        : new java.util.TreeMap<Object, Object>(m).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline();
            string(String.valueOf(e.getKey()));
            out.append(pretty ? ": " : ":");
            value(e.getValue());
            if (it.hasNext()) {
                out.append(',');
            }
        }
        depth--;
        newline();
        out.append('}');
    }

    private void array(Collection<?> c) {
        if (c.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean simple = c.stream().allMatch(x -> !(x instanceof Map) && !(x instanceof Collection));
        out.append('[');
        depth++;
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            if (!simple) {
                newline();
            }
            value(it.next());
            if (it.hasNext()) {
                out.append(simple ? ", " : ",");
            }
        }
        depth--;
        if (!simple) {
            newline();
        }
        out.append(']');
    }

    private void newline() {
        if (pretty) {
            out.append('\n');
            out.append("  ".repeat(depth));
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
