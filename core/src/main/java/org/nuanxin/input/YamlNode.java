package org.nuanxin.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nuanxin.MalformedFileException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML (or JSON) node that remembers its file, line and path, so that every problem in a worker,
 * scenario or rule-data file is reported where it is. Scalars keep their source text: amounts are
 * never read through floating point.
 */
public final class YamlNode {

    private final Node node;
    private final String file;
    private final String path;
    private Map<String, YamlNode> map;
    private Map<String, Integer> keyLines;

    private YamlNode(Node node, String file, String path) {
        this.node = node;
        this.file = file;
        this.path = path;
    }

    /**
     * Parses one YAML document within the {@linkplain InputLimits#current() current input limits}.
     *
     * @throws MalformedFileException with the line of the syntax error, or of the value that breaks a limit
     */
    public static YamlNode parse(String file, String text) {
        return parse(file, text, InputLimits.current());
    }

    /**
     * Parses one YAML document within {@code limits}: a text longer than the file limit (in characters), lists
     * and mappings nested deeper than the depth limit, a value or key longer than the scalar limit, a tag outside
     * the YAML core schema ({@code !!str}, {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null},
     * {@code !!seq}, {@code !!map}) and more than 50 aliases of lists or mappings are refused, each as a
     * {@link MalformedFileException} naming the file, line and field, never quoting the value. Time and memory are
     * linear in the text's length.
     *
     * @throws MalformedFileException with the line of the syntax error, or of the value that breaks a limit
     */
    public static YamlNode parse(String file, String text, InputLimits limits) {
        if (text.length() > limits.maxFileBytes()) {
            throw new MalformedFileException(
                    file,
                    0,
                    "",
                    "is longer than " + limits.maxFileBytes()
                            + " characters, the limit for an input file (system property " + InputLimits.MAX_FILE_BYTES
                            + ")");
        }
        // The reader's buffer holds the whole text. snakeyaml-engine's StreamReader refills its window 1024
        // characters at a time and copies all of the window not yet consumed on each refill; while the scanner
        // looks ahead over one long value that window is the whole value so far, which made parsing quadratic in
        // the length of the longest value (a 4 MB id took 8 s). Filled once, it is copied once.
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxFileBytes(), 1)))
                .setBufferSize(Math.max(text.length() + 1, 1024))
                .build();
        try {
            Parser parser = new BoundedParser(new ParserImpl(settings, new StreamReader(settings, text)), file, limits);
            Optional<Node> root = new Composer(settings, parser).getSingleNode();
            if (root.isEmpty()) {
                throw new MalformedFileException(file, 1, "", "the file is empty");
            }
            return new YamlNode(root.get(), file, "");
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(m -> m.getLine() + 1)
                    .orElse(0);
            throw new MalformedFileException(file, line, "", "not valid YAML or JSON: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new MalformedFileException(file, 0, "", "not valid YAML or JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The file this node is in. */
    public String file() {
        return file;
    }

    /** The path of this node, e.g. {@code cases[2].worker.work_city}. */
    public String path() {
        return path;
    }

    /** 1-based line of this node. */
    public int line() {
        return node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** Whether a scalar was written as a YAML/JSON boolean ({@code true}/{@code false}, unquoted). */
    public boolean isBoolean() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL);
    }

    /** The entries of a mapping, in file order. */
    public Map<String, YamlNode> entries() {
        if (map == null) {
            if (!(node instanceof MappingNode m)) {
                throw error("expected a mapping of field: value");
            }
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> lines = new java.util.HashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw new YamlNode(t.getKeyNode(), file, path).error("a key must be plain text");
                }
                String key = k.getValue();
                if (entries.put(key, new YamlNode(t.getValueNode(), file, child(key))) != null) {
                    throw new YamlNode(t.getKeyNode(), file, path).error("duplicate key '" + key + "'");
                }
                lines.put(key, new YamlNode(k, file, path).line());
            }
            map = entries;
            keyLines = lines;
        }
        return map;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The 1-based line of {@code key} in this mapping, or 0 when absent. */
    public int keyLine(String key) {
        entries();
        return keyLines.getOrDefault(key, 0);
    }

    /** The entry for {@code key}, or {@code null} when absent. */
    public YamlNode get(String key) {
        return entries().get(key);
    }

    /** The entry for {@code key}, or an error naming it when absent or null. */
    public YamlNode require(String key) {
        YamlNode n = get(key);
        if (n == null || n.isNull()) {
            throw new MalformedFileException(file, line(), child(key), "is required");
        }
        return n;
    }

    /** Rejects keys outside {@code allowed}, naming the first unknown one and the accepted ones. */
    public YamlNode allowOnly(Collection<String> allowed) {
        if (!isMap()) {
            throw error("expected a mapping of field: value");
        }
        for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new MalformedFileException(
                        file,
                        e.getValue().line(),
                        e.getValue().path(),
                        "unknown field; expected one of: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        return this;
    }

    /** The items of a sequence. */
    public List<YamlNode> items() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list");
        }
        List<YamlNode> items = new ArrayList<>(s.getValue().size());
        int i = 0;
        for (Node n : s.getValue()) {
            items.add(new YamlNode(n, file, path + "[" + i++ + "]"));
        }
        return items;
    }

    /** The source text of a scalar (quotes removed). */
    public String text() {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw error(isNull() ? "is empty; give a value or leave the field out" : "expected a single value");
        }
        return s.getValue();
    }

    /** The text of the entry for {@code key}, or {@code null} when absent or null. */
    public String text(String key) {
        YamlNode n = get(key);
        return n == null || n.isNull() ? null : n.text();
    }

    /** An error located at this node. */
    public MalformedFileException error(String problem) {
        return new MalformedFileException(file, line(), path, problem);
    }

    /**
     * This node as canonical JSON: mappings with their keys in code-point order, no whitespace, scalars as
     * written (a number keeps its digits, {@code 356.50} stays {@code 356.50}), booleans and nulls as JSON's;
     * every other scalar a JSON string. Reading the text back gives the same values, so a host can record an
     * input exactly and hash it: two inputs that differ only in layout, key order or quoting are one text.
     */
    public String canonicalJson() {
        StringBuilder out = new StringBuilder();
        canonical(out);
        return out.toString();
    }

    private void canonical(StringBuilder out) {
        if (isNull()) {
            out.append("null");
        } else if (isMap()) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, YamlNode> e : new java.util.TreeMap<>(entries()).entrySet()) {
                out.append(sep);
                quote(out, e.getKey());
                out.append(':');
                e.getValue().canonical(out);
                sep = ",";
            }
            out.append('}');
        } else if (isList()) {
            out.append('[');
            String sep = "";
            for (YamlNode item : items()) {
                out.append(sep);
                item.canonical(out);
                sep = ",";
            }
            out.append(']');
        } else {
            ScalarNode s = (ScalarNode) node;
            boolean number = s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT);
            if (s.getTag().equals(Tag.BOOL)) {
                out.append(s.getValue().toLowerCase(java.util.Locale.ROOT));
            } else if (number && s.getValue().matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?")) {
                out.append(s.getValue());
            } else {
                quote(out, s.getValue());
            }
        }
    }

    /** Appends {@code s} as a JSON string. */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return file + ":" + line() + " " + path;
    }
}
