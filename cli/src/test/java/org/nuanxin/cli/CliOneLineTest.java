package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Messages on the command line are one line, and a value from a file cannot drive the terminal. */
class CliOneLineTest {

    @Test
    void everyLineBreakJavaKnowsBecomesOneSpace() {
        assertEquals("a b c d e f g h", Cli.oneLine("a\nb\r\nc \r \n d\u0085e\u2028f\u2029g\u000Bh"));
        assertEquals("a b", Cli.oneLine("  a \t\n\t b  "));
        assertEquals(1, Cli.oneLine("x\u2028nuanxin: forged\u2029y").split("\\R", -1).length);
    }

    @Test
    void controlAndFormatCharactersAreWrittenAsEscapes() {
        assertEquals("\\u001B[2J\\u001B[31mred\\u0007", Cli.oneLine("\u001B[2J\u001B[31mred\u0007"));
        assertEquals("\\u202EELAM \\u200B \\uFEFFx \\u0000", Cli.oneLine("\u202EELAM \u200B \uFEFFx \u0000"));
        assertEquals("西安 xian 356.50 — “quoted”", Cli.oneLine("西安 xian 356.50 — “quoted”"));
    }
}
