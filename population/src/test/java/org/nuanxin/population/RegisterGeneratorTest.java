package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.TestRegions;
import org.nuanxin.model.Worker;
import org.nuanxin.spi.RegionProvider;

/**
 * The generator on the test region's register profile (core's tests have no region jar; the real regions'
 * profiles are tested in cli's {@code RegisterProfilesTest}).
 */
class RegisterGeneratorTest {

    private static final RegisterProfile TESTLAND = Testland.registerProfile();

    private static String generate(RegisterProfile profile, long rows, long seed, RegisterGenerator.Options options) {
        StringWriter out = new StringWriter();
        try {
            RegisterGenerator.write(out, rows, profile, seed, options);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    private static String generate(long rows, long seed, RegisterGenerator.Options options) {
        return generate(TESTLAND, rows, seed, options);
    }

    @Test
    void theTestProfileGivesARealisticRegisterThatReadsWithoutProblems() throws IOException {
        RegisterStats s = RegisterStats.read(generate(3_000, 11, RegisterGenerator.Options.defaults()));
        assertEquals(3_000, s.rows());
        assertEquals(0, s.bad(), () -> "" + s.problemFields());
        assertTrue(s.emptyShare() > 0.10 && s.emptyShare() < 0.30, "unknown cells " + s.emptyShare());
        int local = s.cities().getOrDefault("xian", 0);
        assertTrue(local > 3_000 * 0.2, "the home city leads " + s.cities());
        assertTrue(s.cities().size() > 6, "and other cities appear " + s.cities());
        assertTrue(
                s.withChildren() > 300 && s.withCertificates() > 200 && s.withEvents() > 100,
                "children, certificates, events sometimes " + s);
    }

    @Test
    void theSameSeedGivesTheSameFile() {
        RegisterGenerator.Options o = RegisterGenerator.Options.defaults();
        assertEquals(generate(500, 3, o), generate(500, 3, o));
        assertNotEquals(generate(500, 3, o), generate(500, 4, o));
        String header = generate(0, 1, o.withEvents(false));
        assertEquals(String.join(",", Worker.FIELDS) + "\n", header, "no rows: the header only");
    }

    @Test
    void badRowsAreMadeOnRequest() throws IOException {
        RegisterStats s = RegisterStats.read(
                generate(4_000, 5, RegisterGenerator.Options.defaults().withBadRowFraction(0.05)));
        assertTrue(s.bad() > 120 && s.bad() < 300, "about 5 %: " + s.bad());
        assertEquals(
                Set.of("birth_date", "columns", "hardship", "occupation", "trip_ticket_cost", "work_city"),
                s.problemFields());
        RegisterStats clean = RegisterStats.read(generate(
                4_000, 5, RegisterGenerator.Options.defaults().withEvents(false).withBadRowFraction(0.05)));
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
        RegisterGenerator.write(counting, 100_000, TESTLAND, 1, RegisterGenerator.Options.defaults());
        assertTrue(chars[0] > 100_000 * 100, "100,000 rows written through a writer that keeps nothing: " + chars[0]);
    }

    @Test
    void anUnknownRegionIsNamed() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> RegisterGenerator.write(new StringWriter(), 1, "atlantis", 1));
        assertEquals("region", e.field());
        assertTrue(e.getMessage().contains("'atlantis'"), e.getMessage());
        assertTrue(e.getMessage().contains("no region on the classpath ships one"), e.getMessage());
        assertEquals(List.of(), RegisterGenerator.regions(), "core's tests have no region jar");
    }

    @Test
    void theProfileIsReadAsWritten() {
        RegisterProfile p = TESTLAND;
        assertEquals("testland", p.region());
        assertEquals(LocalDate.of(2025, 10, 1), p.referenceDate());
        assertEquals(
                List.of("xian", "xianyang", "baoji", "weinan", "hanzhong", "yanan", "ankang"),
                List.copyOf(p.workCities().keySet()));
        assertEquals(86.0, p.workCities().get("xian"));
        assertEquals("shaanxi", p.hukouProvinces().keySet().iterator().next());
        assertEquals(12, p.hukouProvinces().size());
        assertEquals("测试同城配送有限公司", p.employerName());
        assertEquals("testland_hospital", p.hospital());
        assertEquals(RegisterProfile.OccupationMix.GIG, p.occupations());
        assertEquals(RegisterProfile.DEFAULT_SF_EXPRESS_WEIGHT, p.sfExpressWeight(), "the default");
        assertEquals(List.copyOf(p.workCities().keySet()), p.focusCities(), "by default the work cities");
        String csv = generate(200, 1, RegisterGenerator.Options.defaults());
        assertTrue(csv.contains("\ntestland-000000001,"), "ids carry the region");
        assertTrue(csv.contains("测试同城配送有限公司"), "the local employer");
        assertTrue(csv.contains("testland_hospital"), "the hospital");
    }

    /** The occupation mix and SF Express's weight are the profile's. */
    @Test
    void theMixAndTheCouriersAreData() throws IOException {
        String text = Files.readString(TestRegions.TESTLAND.resolve(RegionProvider.REGISTER_PROFILE));
        RegisterProfile outdoor = RegisterProfile.parse(
                "outland", "outland.yaml", text.replace("occupations: gig", "occupations: outdoor"));
        RegisterProfile sf = RegisterProfile.parse("sfland", "sfland.yaml", text + "sf_express_weight: 400\n");
        assertEquals(400.0, sf.sfExpressWeight());
        RegisterGenerator.Options o = RegisterGenerator.Options.defaults();
        assertFalse(generate(TESTLAND, 3_000, 2, o).contains(",TRAFFIC_POLICE,"), "not in the gig mix");
        assertTrue(generate(outdoor, 3_000, 2, o).contains(",TRAFFIC_POLICE,"), "in the outdoor mix");
        long base = count(generate(TESTLAND, 3_000, 2, o), ",SF_EXPRESS,");
        long more = count(generate(sf, 3_000, 2, o), ",SF_EXPRESS,");
        assertTrue(more > 2 * base, base + " then " + more);
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aMalformedProfileIsReportedWhereItIs(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String text = Files.readString(TestRegions.TESTLAND.resolve(RegionProvider.REGISTER_PROFILE));
        Map<String, String> cases = Map.of(
                "reference_date: 2025-10-01", "reference_date: 1 October",
                "  xianyang: 6", "  xianyang: six",
                "  baoji: 3", "  atlantis: 3",
                "  henan: 12", "  gotham: 12",
                "occupations: gig", "occupations: office",
                "hospital: testland_hospital", "hospital: testland_hospital\nhospitals: [a]");
        Map<String, String> fields = Map.of(
                "reference_date: 1 October", "reference_date",
                "  xianyang: six", "work_cities.xianyang",
                "  atlantis: 3", "work_cities.atlantis",
                "  gotham: 12", "hukou_provinces.gotham",
                "occupations: office", "occupations",
                "hospital: testland_hospital\nhospitals: [a]", "hospitals");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertTrue(text.contains(c.getKey()), c.getKey());
            Path file = dir.resolve("p.yaml");
            Files.writeString(file, text.replace(c.getKey(), c.getValue()));
            MalformedFileException e =
                    assertThrows(MalformedFileException.class, () -> RegisterProfile.read("testland", file));
            assertEquals(fields.get(c.getValue()), e.field(), e::getMessage);
            assertEquals(file.toString(), e.file());
            assertTrue(e.line() > 0, e::getMessage);
        }
        Files.writeString(dir.resolve("q.yaml"), text.replace("employer_name: 测试同城配送有限公司\n", ""));
        MalformedFileException missing = assertThrows(
                MalformedFileException.class, () -> RegisterProfile.read("testland", dir.resolve("q.yaml")));
        assertEquals("employer_name", missing.field());
        assertTrue(missing.getMessage().contains("is required"), missing.getMessage());
        Files.writeString(dir.resolve("r.yaml"), text.replace("  xian: 86", "  xian: 0"));
        assertThrows(MalformedFileException.class, () -> RegisterProfile.read("testland", dir.resolve("r.yaml")));
    }
}
