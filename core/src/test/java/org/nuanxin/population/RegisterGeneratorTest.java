package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nuanxin.InvalidInputException;
import org.nuanxin.model.Worker;

class RegisterGeneratorTest {

    private static String generate(String region, long rows, long seed, RegisterGenerator.Options options) {
        StringWriter out = new StringWriter();
        try {
            RegisterGenerator.write(out, rows, region, seed, options);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    /** Per region: rows read, bad rows, fields of the problems, share of empty worker cells, work cities. */
    private record Stats(
            long rows,
            long bad,
            Set<String> problemFields,
            double emptyShare,
            Map<String, Integer> cities,
            long withChildren,
            long withCertificates,
            long withEvents) {}

    private static Stats read(String csv) throws IOException {
        CsvReader in = new CsvReader(new StringReader(csv));
        RegisterFormat f = RegisterFormat.header("gen", in.next().cells());
        long rows = 0;
        long bad = 0;
        long cells = 0;
        long empty = 0;
        long children = 0;
        long certificates = 0;
        long events = 0;
        Set<String> fields = new java.util.TreeSet<>();
        Map<String, Integer> cities = new HashMap<>();
        CsvReader.Record r;
        while ((r = in.next()) != null) {
            rows++;
            RegisterFormat.Row row =
                    r.problem() != null ? RegisterFormat.broken(r.line(), r.problem()) : f.row(r.line(), r.cells());
            if (!row.ok()) {
                bad++;
                row.problems().forEach(p -> fields.add(p.field()));
                continue;
            }
            for (int i = 1; i < Worker.FIELDS.size() && i < r.cells().length; i++) {
                if (i == 5 || i == 10) {
                    continue; // work_province (mostly derived) and union_join_date (only for members)
                }
                cells++;
                if (r.cells()[i].isEmpty()) {
                    empty++;
                }
            }
            Worker w = row.situation().worker();
            cities.merge(w.workCity() == null ? "?" : w.workCity().id(), 1, Integer::sum);
            children += w.children() != null && !w.children().isEmpty() ? 1 : 0;
            certificates += w.certificates() != null && !w.certificates().isEmpty() ? 1 : 0;
            events += row.situation().events().isEmpty() ? 0 : 1;
        }
        return new Stats(rows, bad, fields, (double) empty / cells, cities, children, certificates, events);
    }

    @Test
    void everyRegionGivesARealisticRegisterThatReadsWithoutProblems() throws IOException {
        Map<String, String> home = Map.of(
                "xian",
                "xian",
                "qingdao",
                "qingdao",
                "zhejiang",
                "hangzhou",
                "neimenggu",
                "huhehaote",
                "xinjiang",
                "wulumuqi");
        for (String region : RegisterGenerator.REGIONS) {
            Stats s = read(generate(region, 3_000, 11, RegisterGenerator.Options.defaults()));
            assertEquals(3_000, s.rows(), region);
            assertEquals(0, s.bad(), () -> region + ": " + s.problemFields());
            assertTrue(s.emptyShare() > 0.10 && s.emptyShare() < 0.30, region + ": unknown cells " + s.emptyShare());
            int local = s.cities().getOrDefault(home.get(region), 0);
            assertTrue(local > 3_000 * 0.2, region + ": the home city leads " + s.cities());
            assertTrue(s.cities().size() > 6, region + ": and other cities appear " + s.cities());
            assertTrue(
                    s.withChildren() > 300 && s.withCertificates() > 200 && s.withEvents() > 100,
                    region + ": children, certificates, events sometimes " + s);
        }
    }

    @Test
    void theSameSeedGivesTheSameFile() {
        RegisterGenerator.Options o = RegisterGenerator.Options.defaults();
        assertEquals(generate("zhejiang", 500, 3, o), generate("zhejiang", 500, 3, o));
        assertNotEquals(generate("zhejiang", 500, 3, o), generate("zhejiang", 500, 4, o));
        String header = generate("xian", 0, 1, o.withEvents(false));
        assertEquals(String.join(",", Worker.FIELDS) + "\n", header, "no rows: the header only");
    }

    @Test
    void badRowsAreMadeOnRequest() throws IOException {
        Stats s = read(
                generate("xian", 4_000, 5, RegisterGenerator.Options.defaults().withBadRowFraction(0.05)));
        assertTrue(s.bad() > 120 && s.bad() < 300, "about 5 %: " + s.bad());
        assertEquals(
                Set.of("birth_date", "columns", "hardship", "occupation", "trip_ticket_cost", "work_city"),
                s.problemFields());
        Stats clean = read(generate(
                "xian",
                4_000,
                5,
                RegisterGenerator.Options.defaults().withEvents(false).withBadRowFraction(0.05)));
        assertEquals(Set.of("birth_date", "columns", "hardship", "occupation", "work_city"), clean.problemFields());
    }

    @Test
    void itStreams() throws IOException {
        long[] chars = new long[1];
        Writer counting = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                chars[0] += len;
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        RegisterGenerator.write(counting, 100_000, "neimenggu", 1);
        assertTrue(chars[0] > 100_000 * 100, "100,000 rows written through a writer that keeps nothing: " + chars[0]);
    }

    @Test
    void anUnknownRegionIsNamed() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> RegisterGenerator.write(new StringWriter(), 1, "atlantis", 1));
        assertEquals("region", e.field());
        assertTrue(e.getMessage().contains("xian, qingdao, zhejiang, neimenggu, xinjiang"), e.getMessage());
        assertEquals(List.of("xian", "qingdao", "zhejiang", "neimenggu", "xinjiang"), RegisterGenerator.REGIONS);
    }
}
