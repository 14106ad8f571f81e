package org.nuanxin.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny YAML writer for test documents: nested maps and lists whose leaves are YAML scalar texts,
 * written as they are (so a leaf may be garbage: {@code {x: 1}}, {@code "６１０１００"}, {@code ~}).
 * Paths are lists of keys and indexes; {@link #set} and {@link #remove} work on a deep copy.
 */
final class Yaml {

    /** Marks a key to leave out of the document. */
    static final Object ABSENT = new Object();

    private Yaml() {}

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static Object copy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put((String) k, copy(v)));
            return c;
        }
        if (node instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(copy(v)));
            return c;
        }
        return node;
    }

    /** A copy of {@code root} with the node at {@code path} replaced ({@link #ABSENT} removes it). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> set(Map<String, Object> root, List<Object> path, Object value) {
        Map<String, Object> c = (Map<String, Object>) copy(root);
        Object parent = c;
        for (int i = 0; i < path.size() - 1; i++) {
            Object k = path.get(i);
            parent = k instanceof Integer n ? ((List<Object>) parent).get(n) : ((Map<String, Object>) parent).get(k);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer n) {
            if (value == ABSENT) {
                ((List<Object>) parent).remove((int) n);
            } else {
                ((List<Object>) parent).set(n, value);
            }
        } else if (value == ABSENT) {
            ((Map<String, Object>) parent).remove(last);
        } else {
            ((Map<String, Object>) parent).put((String) last, value);
        }
        return c;
    }

    /** The leaf paths of a document, depth first, with the list and map nodes on the way. */
    static List<List<Object>> paths(Object node, List<Object> prefix) {
        List<List<Object>> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(e.getKey());
                out.add(p);
                out.addAll(paths(e.getValue(), p));
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                out.addAll(paths(l.get(i), p));
            }
        }
        return out;
    }

    static Object get(Object root, List<Object> path) {
        Object node = root;
        for (Object k : path) {
            node = k instanceof Integer n ? ((List<?>) node).get(n) : ((Map<?, ?>) node).get(k);
        }
        return node;
    }

    static String write(Map<String, Object> root) {
        StringBuilder sb = new StringBuilder();
        writeMap(sb, root, 0);
        return sb.toString();
    }

    private static void writeMap(StringBuilder sb, Map<?, ?> m, int indent) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append(" ".repeat(indent)).append(e.getKey()).append(':');
            writeValue(sb, e.getValue(), indent);
        }
    }

    private static void writeValue(StringBuilder sb, Object v, int indent) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append('\n');
            writeMap(sb, m, indent + 2);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            sb.append('\n');
            for (Object item : l) {
                sb.append(" ".repeat(indent + 2)).append('-');
                if (item instanceof Map<?, ?> im && !im.isEmpty()) {
                    sb.append('\n');
                    writeMap(sb, im, indent + 4);
                } else {
                    writeValue(sb, item, indent + 2);
                }
            }
        } else if (v instanceof Map<?, ?>) {
            sb.append(" {}\n");
        } else if (v instanceof List<?>) {
            sb.append(" []\n");
        } else {
            sb.append(' ').append(v).append('\n');
        }
    }
}
