package org.nuanxin.scenario;

import java.time.LocalDate;
import java.util.List;
import org.nuanxin.model.Situation;

/**
 * One case of a scenario file: a worker's situation on a date and what the programme must grant.
 *
 * @param file         the file it is in
 * @param line         the line its entry starts on
 * @param name         its name, unique in the file
 * @param region       the region it is assessed in
 * @param asOf         the assessment date
 * @param situation    worker, events and claims
 * @param expectations what is checked
 */
public record ScenarioCase(
        String file,
        int line,
        String name,
        String region,
        LocalDate asOf,
        Situation situation,
        List<Expectation> expectations) {

    /** {@code xian-homecoming.yaml:12 "Henan-hukou courier…"}. */
    @Override
    public String toString() {
        return file + ":" + line + " \"" + name + "\"";
    }
}
