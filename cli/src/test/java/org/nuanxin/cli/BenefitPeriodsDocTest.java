package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nuanxin.Benefit;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;

/**
 * docs/benefit-periods.md names every benefit of every bundled region, once, and nothing else; and each line of
 * docs/CATALOGUE.md it cites (L<i>n</i> "text") holds the text it quotes.
 */
class BenefitPeriodsDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` ", Pattern.MULTILINE);

    /** A cited line or range of lines of the catalogue, with the text quoted from it: {@code L41–42 "…"}. */
    private static final Pattern CITED = Pattern.compile("\\bL(\\d+)(?:–(\\d+))? \"([^\"]+)\"");

    private static final Path DOC = Path.of("../docs/benefit-periods.md");

    @Test
    void theTableListsEveryBenefitOnce() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            rows.add(m.group(1));
        }
        List<String> codes = new ArrayList<>();
        Nuanxin engine = Nuanxin.builder().build();
        for (Region r : engine.regions()) {
            for (Benefit b : r.benefits()) {
                codes.add(b.code());
            }
        }
        assertEquals(5, engine.regions().size(), "the five bundled regions");
        assertTrue(codes.size() >= 52, "every benefit: " + codes.size());
        assertEquals(
                codes.stream().sorted().toList(),
                rows.stream().sorted().toList(),
                "docs/benefit-periods.md must have one row per benefit code");
    }

    @Test
    void theCitedCatalogueLinesHoldWhatTheyQuote() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> catalogue = Files.readAllLines(Path.of("../docs/CATALOGUE.md"), StandardCharsets.UTF_8);
        List<String> wrong = new ArrayList<>();
        int cited = 0;
        Matcher m = CITED.matcher(doc);
        while (m.find()) {
            cited++;
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from < 1 || to < from || to > catalogue.size()) {
                wrong.add(m.group() + ": no such lines");
                continue;
            }
            // the lines as one text, without Markdown emphasis; a quote may begin a sentence in lower case
            String lines = String.join(
                            " ",
                            catalogue.subList(from - 1, to).stream()
                                    .map(String::strip)
                                    .toList())
                    .replace("*", "")
                    .toLowerCase(Locale.ROOT);
            if (!lines.contains(m.group(3).toLowerCase(Locale.ROOT))) {
                wrong.add(m.group() + ": the lines say " + lines);
            }
        }
        assertTrue(cited >= 20, "the table cites the catalogue's lines: " + cited);
        assertTrue(
                wrong.isEmpty(),
                () -> "docs/benefit-periods.md cites lines of docs/CATALOGUE.md that do not"
                        + " hold the quoted text (renumber after editing the catalogue):\n  "
                        + String.join("\n  ", wrong));
    }
}
