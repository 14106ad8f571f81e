package org.nuanxin.benchmarks;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Reason;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * {@link Assessment#toJson()}'s output written with Jackson's streaming {@link JsonGenerator} (jackson-core,
 * the version the service's Spring Boot brings), byte for byte: the same fields in the same order, two-space
 * indentation, {@code "name": value}, arrays of plain values on one line ({@code ["a", "b"]}) and arrays of
 * objects one element a line, amounts as plain decimals. Two ways: {@link #assessment} walks the assessment
 * itself, as a host using Jackson would; {@link #tree} writes {@link Assessment#toTree()}, the tree core's
 * writer walks, so that only the writer differs.
 */
final class JacksonJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JacksonJson() {}

    /** The assessment, walked directly. */
    static String assessment(Assessment a) {
        Printer printer = new Printer();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(printer.context(), out)) {
            g.writeStartObject();
            g.writeStringProperty("region", a.region());
            g.writeStringProperty("as_of", a.asOf().toString());
            g.writeStringProperty("rule_set_version", a.ruleSetVersion());
            g.writeName("decisions");
            printer.inlineNext = false;
            g.writeStartArray();
            for (Decision d : a.decisions()) {
                decision(g, printer, d);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void decision(JsonGenerator g, Printer printer, Decision d) {
        g.writeStartObject();
        g.writeStringProperty("benefit", d.code());
        g.writeStringProperty("name_zh", d.benefit().nameZh());
        g.writeStringProperty("name_en", d.benefit().nameEn());
        g.writeStringProperty("kind", d.benefit().kind().name());
        g.writeStringProperty("status", d.status().name());
        g.writeStringProperty("provider", d.benefit().provider().name());
        number(g, "amount", d.amount());
        if (d.amountMin() != null) {
            number(g, "amount_min", d.amountMin());
            number(g, "amount_max", d.amountMax());
        }
        number(g, "value", d.value());
        strings(g, printer, "missing", d.missing());
        g.writeName("reasons");
        printer.inlineNext = false;
        g.writeStartArray();
        for (Reason r : d.reasons()) {
            g.writeStartObject();
            g.writeStringProperty("rule", r.rule());
            g.writeStringProperty("outcome", r.outcome().name());
            g.writeName("citation");
            g.writeStartObject();
            g.writeStringProperty("source", r.source());
            g.writeStringProperty("clause", r.clause());
            g.writeEndObject();
            g.writeStringProperty("text_zh", r.textZh());
            g.writeStringProperty("text_en", r.textEn());
            if (!r.missing().isEmpty()) {
                strings(g, printer, "missing", r.missing());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, BigDecimal value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    private static void strings(JsonGenerator g, Printer printer, String name, List<String> values) {
        g.writeName(name);
        printer.inlineNext = true;
        g.writeStartArray();
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** {@link Assessment#toTree()}'s tree (maps, collections, strings, decimals, nulls), as core's writer walks it. */
    static String tree(Object tree) {
        Printer printer = new Printer();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(printer.context(), out)) {
            value(g, printer, tree);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Printer printer, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) { // the tree's maps keep their order
                g.writeName(String.valueOf(e.getKey()));
                value(g, printer, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            printer.inlineNext = c.stream().allMatch(x -> !(x instanceof Map) && !(x instanceof Collection));
            g.writeStartArray();
            for (Object x : c) {
                value(g, printer, x);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Core's layout as a Jackson pretty printer. Whether an array goes on one line is told before it starts
     * ({@link #inlineNext}): a printer sees only separators, not the values to come.
     */
    static final class Printer implements PrettyPrinter {
        boolean inlineNext;
        private int depth;
        private long inline; // bit d: the array at depth d is on one line
        private final ObjectWriteContext context = new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return Printer.this;
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        };

        ObjectWriteContext context() {
            return context;
        }

        private void newline(JsonGenerator g) {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {}

        @Override
        public void writeStartObject(JsonGenerator g) {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
            newline(g);
        }

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) {
            g.writeRaw('[');
            depth++;
            inline = inlineNext ? inline | (1L << depth) : inline & ~(1L << depth);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            if ((inline & (1L << depth)) == 0) {
                newline(g);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            if ((inline & (1L << depth)) == 0) {
                g.writeRaw(',');
                newline(g);
            } else {
                g.writeRaw(", ");
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            boolean wasInline = (inline & (1L << depth)) != 0;
            depth--;
            if (values > 0 && !wasInline) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }
}
