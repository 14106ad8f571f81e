package org.nuanxin.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Reason;
import org.nuanxin.Region;
import org.nuanxin.Status;
import org.nuanxin.model.Child;
import org.nuanxin.model.Gender;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.Worker;
import org.nuanxin.testing.ScenarioSuite;

/**
 * The same workers in every region: a region decides exactly its own catalogue, cites only its own
 * source, and grants nothing to a worker who neither works nor lives in it.
 */
class CrossRegionTest {

    private static final Nuanxin ENGINE = ScenarioSuite.engine();

    /** A date inside each region's programme (and in Zhejiang's summer season). */
    private static final Map<String, LocalDate> IN_PROGRAMME = Map.of(
            "xian",
            LocalDate.of(2026, 7, 10),
            "qingdao",
            LocalDate.of(2022, 7, 10),
            "zhejiang",
            LocalDate.of(2025, 7, 10));

    /** Worker profiles by the region they work and live in. */
    private static final Map<String, List<Worker>> WORKERS = Map.of(
            "xian", List.of(worker(Occupation.COURIER, "xian"), worker(Occupation.TRUCK_DRIVER, "xian")),
            "qingdao",
                    List.of(
                            worker(Occupation.FOOD_DELIVERY_RIDER, "qingdao"),
                            worker(Occupation.TAXI_DRIVER, "qingdao")),
            "zhejiang",
                    List.of(
                            worker(Occupation.FOOD_DELIVERY_RIDER, "cixi"),
                            worker(Occupation.SANITATION_WORKER, "hangzhou")));

    private static Worker worker(Occupation occupation, String city) {
        return Worker.builder()
                .occupation(occupation)
                .newEmploymentForm(true)
                .workCity(city)
                .residenceCity(city)
                .hukouProvince("henan")
                .unionMember(false)
                .gender(Gender.FEMALE)
                .birthDate(LocalDate.of(1985, 5, 1))
                .medicalInsurance(MedicalInsurance.URBAN_EMPLOYEE)
                .hardship(true)
                .martyrFamily(false)
                .frontlineOutstanding(false)
                .headPlatformEnterprise(true)
                .children(List.of(new Child(LocalDate.of(2015, 6, 1), null)))
                .build();
    }

    @TestFactory
    Stream<DynamicNode> sameWorkersInThreeRegions() {
        return ScenarioSuite.dynamicTests(Path.of("src/test/resources/cross-region"));
    }

    @Test
    void allThreeRegionsAreDiscovered() {
        assertTrue(
                ENGINE.regionIds().containsAll(List.of("xian", "qingdao", "zhejiang")), ENGINE.regionIds()::toString);
    }

    @Test
    void aRegionDecidesExactlyItsOwnCatalogueAndCitesItsOwnSource() {
        for (Region region : ENGINE.regions()) {
            List<String> codes = region.benefits().stream().map(Benefit::code).toList();
            for (List<Worker> workers : WORKERS.values()) {
                for (Worker w : workers) {
                    Assessment a = ENGINE.assess(
                            region.id(), w, IN_PROGRAMME.getOrDefault(region.id(), LocalDate.of(2025, 7, 10)));
                    assertEquals(
                            codes, a.decisions().stream().map(Decision::code).toList());
                    for (Decision d : a.decisions()) {
                        assertEquals(region.id(), d.benefit().region());
                        for (Reason r : d.reasons()) {
                            assertEquals(
                                    region.source(),
                                    r.source(),
                                    () -> region.id() + " " + d.code() + " cites " + r.source());
                        }
                    }
                }
            }
        }
    }

    @Test
    void aWorkerOfOneRegionGetsNothingFromTheOthersAndSomethingAtHome() {
        for (Map.Entry<String, List<Worker>> home : WORKERS.entrySet()) {
            for (Worker w : home.getValue()) {
                for (String region : IN_PROGRAMME.keySet()) {
                    Assessment a = ENGINE.assess(region, w, IN_PROGRAMME.get(region));
                    List<Decision> granted = a.withStatus(Status.ELIGIBLE);
                    if (region.equals(home.getKey())) {
                        assertTrue(granted.size() >= 3, () -> region + " grants its own worker " + granted);
                    } else {
                        assertEquals(List.of(), granted, () -> region + " grants a worker of " + home.getKey());
                        assertEquals(
                                List.of(),
                                a.withStatus(Status.NEEDS_INFO),
                                () -> "a known place outside " + region + " settles every decision");
                    }
                }
            }
        }
    }
}
