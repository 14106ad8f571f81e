package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
import org.nuanxin.population.RegisterGenerator;
import org.nuanxin.population.RegisterProfile;
import org.nuanxin.population.RegisterStats;

/**
 * The register profiles the region jars ship ({@code register-profile.yaml} beside each region's rules),
 * found through the SPI as {@code nuanxin generate} finds them: the command line depends on every region.
 */
class RegisterProfilesTest {

    private static final List<String> REGIONS = List.of("neimenggu", "qingdao", "xian", "xinjiang", "zhejiang");

    @Test
    void everyBundledRegionShipsAProfile() {
        assertEquals(REGIONS, RegisterGenerator.regions(), "found through the SPI, by id");
        assertEquals(
                Nuanxin.builder().build().regionIds().stream().sorted().toList(),
                RegisterGenerator.regions(),
                "every region on the classpath has one");
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
        assertEquals(home.keySet(), java.util.Set.copyOf(RegisterGenerator.regions()));
        for (String region : RegisterGenerator.regions()) {
            StringWriter out = new StringWriter();
            RegisterGenerator.write(out, 3_000, region, 11, RegisterGenerator.Options.defaults());
            RegisterStats s = RegisterStats.read(out.toString());
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

    /** Each region's default date is a day its programme is in effect, as the profiles have always said. */
    @Test
    void theReferenceDatesAreTheRegions() {
        assertEquals(LocalDate.of(2026, 3, 10), RegisterGenerator.referenceDate("xian"));
        assertEquals(LocalDate.of(2022, 3, 1), RegisterGenerator.referenceDate("qingdao"));
        assertEquals(LocalDate.of(2025, 3, 18), RegisterGenerator.referenceDate("zhejiang"));
        assertEquals(LocalDate.of(2024, 8, 16), RegisterGenerator.referenceDate("neimenggu"));
        assertEquals(LocalDate.of(2025, 6, 1), RegisterGenerator.referenceDate("xinjiang"));
        RegisterProfile xinjiang = RegisterGenerator.profile("xinjiang");
        assertEquals(40.0, xinjiang.sfExpressWeight(), "SF Express is the courier of note in Xinjiang's sources");
        assertEquals(RegisterProfile.OccupationMix.OUTDOOR, xinjiang.occupations());
        assertEquals(
                RegisterProfile.DEFAULT_SF_EXPRESS_WEIGHT,
                RegisterGenerator.profile("xian").sfExpressWeight());
    }

    @Test
    void anUnknownRegionIsNamedWithTheRegionsThatHaveAProfile() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> RegisterGenerator.write(new StringWriter(), 1, "atlantis", 1));
        assertEquals("region", e.field());
        assertTrue(e.getMessage().contains("'atlantis'"), e.getMessage());
        assertTrue(e.getMessage().contains("neimenggu, qingdao, xian, xinjiang, zhejiang"), e.getMessage());
    }
}
