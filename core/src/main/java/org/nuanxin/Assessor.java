package org.nuanxin;

import java.time.LocalDate;
import java.util.List;
import org.nuanxin.model.Situation;

/**
 * What assesses situations: the regions it serves and an assessment in one of them.
 * {@link Nuanxin} is the library's; the scenario runner ({@code org.nuanxin.scenario.ScenarioRunner})
 * runs cases against any, which is how a reload tries a candidate rule set without the scenario
 * package depending on the facade that uses it.
 */
public interface Assessor {

    /** The ids of the regions served, in load order. */
    List<String> regionIds();

    /** The regions served, in load order. */
    List<Region> regions();

    /**
     * A region by id.
     *
     * @throws UnknownRegionException when no such region is served
     */
    Region region(String id);

    /**
     * What the region's programme grants the situation on the date.
     *
     * @throws UnknownRegionException when no such region is served
     * @throws InvalidInputException  when the situation does not fit the date
     */
    Assessment assess(String region, Situation situation, LocalDate asOf);
}
