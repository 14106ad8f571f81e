package org.nuanxin.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The embedding example runs and its threads agree (moved here from the command line's tests). */
class EmbedExampleTest {

    @Test
    void embedExampleRuns() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            EmbedExample.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("100 assessments of 4 workers on 4 threads"), out);
        assertTrue(out.contains("; 0 inconsistent"), out);
        assertTrue(out.contains("XIAN_HOMECOMING_TICKET_SUBSIDY: ELIGIBLE amount=200.00"), out);
    }
}
