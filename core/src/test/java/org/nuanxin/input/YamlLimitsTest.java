package org.nuanxin.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.MalformedFileException;

/**
 * The limits {@link YamlNode#parse(String, String, InputLimits)} enforces while parsing: nesting depth, the
 * length of a value or key, tags outside the core schema, aliases, the length of the text; and parsing that
 * stays linear in the text's length.
 */
class YamlLimitsTest {

    private static final InputLimits SMALL = new InputLimits(1 << 20, 8, 100);

    private static MalformedFileException refused(String text, InputLimits limits) {
        return assertThrows(MalformedFileException.class, () -> YamlNode.parse("f.yaml", text, limits));
    }

    private static String flow(int depth) {
        return "worker: " + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "\n";
    }

    private static String json(int depth) {
        return "{\"worker\": " + "{\"a\": ".repeat(depth - 1) + "1" + "}".repeat(depth - 1) + "}";
    }

    private static String block(int depth) {
        StringBuilder b = new StringBuilder("worker:\n");
        for (int i = 1; i < depth - 1; i++) {
            b.append("  ".repeat(i)).append("a:\n");
        }
        return b.append("  ".repeat(depth - 1)).append("a: 1\n").toString();
    }

    @Test
    void nestingUpToTheLimitIsAcceptedAndOneDeeperIsRefusedInFlowBlockAndJson() {
        for (String style : List.of("flow", "json", "block")) {
            java.util.function.IntFunction<String> text = switch (style) {
                case "flow" -> YamlLimitsTest::flow;
                case "json" -> YamlLimitsTest::json;
                default -> YamlLimitsTest::block;
            };
            YamlNode.parse("f.yaml", text.apply(8), SMALL);
            MalformedFileException e = refused(text.apply(9), SMALL);
            assertTrue(e.problem().contains("nested deeper than 8 levels"), e::getMessage);
            assertTrue(e.problem().contains(InputLimits.MAX_DEPTH), e::getMessage);
            assertTrue(e.field().startsWith("worker"), style + ": " + e.field());
            assertTrue(e.getMessage().startsWith("f.yaml:"), e::getMessage);
        }
    }

    @Test
    void nestingFarBeyondTheStackIsRefusedNotAStackOverflow() {
        InputLimits roomy =
                new InputLimits(1 << 22, InputLimits.DEFAULT_MAX_DEPTH, InputLimits.DEFAULT_MAX_SCALAR_CHARS);
        for (String text : List.of(flow(200_000), json(200_000), "a: " + "{b: ".repeat(200_000))) {
            MalformedFileException e = refused(text, roomy);
            assertTrue(e.problem().contains("nested deeper than 32 levels"), e::getMessage);
            assertTrue(e.field().length() <= 121, e::field);
        }
    }

    @Test
    void theDefaultDepthAdmitsEveryLegitimateFileWithRoomToSpare() {
        assertEquals(32, InputLimits.defaults().maxDepth());
        YamlNode.parse("f.yaml", flow(32), InputLimits.defaults());
        refused(flow(33), InputLimits.defaults());
    }

    @Test
    void aValueOrKeyLongerThanTheLimitIsRefusedNamingTheFieldNotTheValue() {
        String secret = "KQ7Z".repeat(25); // 100 characters: at the limit
        YamlNode n = YamlNode.parse("f.yaml", "worker:\n  id: " + secret + "\n", SMALL);
        assertEquals(secret, n.get("worker").text("id"));
        for (String value :
                List.of(secret + "x", "\"" + secret + "x\"", "'" + secret + "x'", "|\n    " + secret + "x")) {
            MalformedFileException e = refused("worker:\n  id: " + value + "\n", SMALL);
            assertEquals("worker.id", e.field());
            assertEquals(2, e.line());
            assertTrue(e.problem().contains("longer than 100 characters"), e::getMessage);
            assertFalse(e.getMessage().contains("KQ7Z"), e::getMessage);
        }
        MalformedFileException key = refused("worker:\n  \"" + secret + "x\": 1\n", SMALL);
        assertEquals("worker", key.field());
        assertFalse(key.getMessage().contains("KQ7Z"), key::getMessage);
        MalformedFileException item = refused("{\"worker\": {\"children\": [\"a\", \"" + secret + "x\"]}}", SMALL);
        assertEquals("worker.children[1]", item.field());
    }

    @Test
    void tagsOutsideTheCoreSchemaAreRefused() {
        for (String tagged : List.of(
                "!foo x",
                "!!python/object:os.system x",
                "!!binary aGVsbG8=",
                "!!timestamp 2026-03-10",
                "!<tag:example.com,2000:app/x> x",
                "!!set {a: null}",
                "!!omap [a: 1]",
                "!!map [1]",
                "!!seq {a: 1}",
                "!!str [1]",
                "!foo {a: 1}",
                "!foo [1]")) {
            MalformedFileException e = refused("worker:\n  id: " + tagged + "\n", SMALL);
            assertEquals("worker.id", e.field(), tagged);
            assertTrue(e.problem().contains("tag outside the core schema"), e::getMessage);
        }
        for (String tagged : List.of(
                "!!str 12", "!!int 12", "!!float 1.5", "!!bool true", "!!null ~", "! x", "!!seq [1]", "!!map {a: 1}")) {
            YamlNode.parse("f.yaml", "worker:\n  id: " + tagged + "\n", SMALL);
        }
    }

    @Test
    void aliasesOfCollectionsAreBounded() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        MalformedFileException e = refused(bomb.toString(), InputLimits.defaults());
        assertTrue(e.problem().contains("not valid YAML"), e::getMessage);
    }

    @Test
    void aTextLongerThanTheFileLimitIsRefusedBeforeParsing() {
        MalformedFileException e = refused("id: " + "1".repeat(200), new InputLimits(100, 8, 1000));
        assertEquals(0, e.line());
        assertTrue(e.problem().contains("longer than 100 characters"), e::getMessage);
        assertTrue(e.problem().contains(InputLimits.MAX_FILE_BYTES), e::getMessage);
    }

    /**
     * Parsing is linear in the length of a value: the memory allocated to parse a text with one value of 512 Ki
     * characters is a small multiple of its length. Before the reader's buffer held the whole text, snakeyaml's
     * reader copied the value read so far on every refill of 1,024 characters, about n²/512 bytes: 512 MiB for
     * this text (and 2 GiB for 1 MiB), against the 36 MiB allowed here. A size argument, not a timing.
     */
    @Test
    void parsingALongValueAllocatesMemoryLinearInItsLength() {
        assumeTrue(
                ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                        && t.isThreadAllocatedMemorySupported()
                        && t.isThreadAllocatedMemoryEnabled(),
                "allocation counting");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 512 * 1024;
        InputLimits roomy = new InputLimits(4L << 20, 32, 4 << 20);
        for (String quote : List.of("", "\"", "'")) {
            String text = "worker:\n  id: " + quote + "7".repeat(n) + quote + "\n";
            YamlNode.parse("warm-up.yaml", "a: " + quote + "1" + quote, roomy);
            long before = threads.getCurrentThreadAllocatedBytes();
            YamlNode root = YamlNode.parse("f.yaml", text, roomy);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(n, root.get("worker").text("id").length());
            assertTrue(
                    allocated < 72L * n,
                    () -> "allocated " + allocated + " bytes to parse " + text.length() + " characters (quote " + quote
                            + ")");
        }
    }

    /** A 1 MiB+ value is refused at the file limit, before any of it is scanned. */
    @Test
    void aValueOfAMegabyteIsRefusedAtTheFileLimitBeforeItIsScanned() {
        assumeTrue(
                ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                        && t.isThreadAllocatedMemorySupported()
                        && t.isThreadAllocatedMemoryEnabled(),
                "allocation counting");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String text = "worker:\n  id: " + "7".repeat(1 << 20) + "\n";
        long before = threads.getCurrentThreadAllocatedBytes();
        MalformedFileException e = refused(text, InputLimits.defaults());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(e.problem().contains("longer than 1048576 characters"), e::getMessage);
        assertTrue(allocated < 1 << 20, () -> "allocated " + allocated + " bytes to refuse it");
    }

    @Test
    void limitsComeFromSystemPropertiesAndABadValueNamesTheProperty() {
        String old = System.getProperty(InputLimits.MAX_DEPTH);
        try {
            System.setProperty(InputLimits.MAX_DEPTH, "4");
            assertEquals(4, InputLimits.current().maxDepth());
            MalformedFileException e =
                    assertThrows(MalformedFileException.class, () -> YamlNode.parse("f.yaml", flow(5)));
            assertTrue(e.problem().contains("deeper than 4 levels"), e::getMessage);
            System.setProperty(InputLimits.MAX_DEPTH, "lots");
            org.nuanxin.InvalidInputException bad =
                    assertThrows(org.nuanxin.InvalidInputException.class, InputLimits::current);
            assertEquals(InputLimits.MAX_DEPTH, bad.field());
            System.setProperty(InputLimits.MAX_DEPTH, "100000");
            assertThrows(org.nuanxin.InvalidInputException.class, InputLimits::current);
        } finally {
            if (old == null) {
                System.clearProperty(InputLimits.MAX_DEPTH);
            } else {
                System.setProperty(InputLimits.MAX_DEPTH, old);
            }
        }
        assertEquals(InputLimits.defaults(), InputLimits.current());
    }
}
