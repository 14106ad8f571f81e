package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nuanxin.Benefit;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;

/** docs/benefit-periods.md names every benefit of every bundled region, once, and nothing else. */
class BenefitPeriodsDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` ", Pattern.MULTILINE);

    @Test
    void theTableListsEveryBenefitOnce() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "benefit-periods.md"), StandardCharsets.UTF_8);
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
}
