package org.nuanxin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a region's programme grants one worker on one date: a decision for every benefit of the
 * region's catalogue, in catalogue order.
 *
 * @param region          the region id
 * @param asOf            the date the worker was assessed at
 * @param ruleSetVersion  content hash of the rule set that decided (changes with any rule or parameter)
 * @param decisions       one per benefit of the region
 */
public record Assessment(String region, LocalDate asOf, String ruleSetVersion, List<Decision> decisions) {

    public Assessment {
        decisions = List.copyOf(decisions);
    }

    /** The decision on a benefit code, if the region has that benefit. */
    public Optional<Decision> decision(String code) {
        return decisions.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The decisions by benefit code. */
    public Map<String, Decision> byCode() {
        return decisions.stream()
                .collect(Collectors.toMap(
                        Decision::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The decisions with the given status. */
    public List<Decision> withStatus(Status status) {
        return decisions.stream().filter(d -> d.status() == status).toList();
    }

    /** This assessment as a JSON object (the command line's {@code assess} output). */
    public String toJson() {
        return Json.assessment(this);
    }

    /**
     * This assessment as a tree of maps, lists, strings, {@link java.math.BigDecimal}s and nulls, with the
     * fields and order of {@link #toJson()}: for a host that writes JSON with its own library (a web service).
     */
    public Map<String, Object> toTree() {
        return Json.toMap(this);
    }

    /** Counts per status; no personal data. */
    @Override
    public String toString() {
        Map<Status, Long> counts = decisions.stream()
                .collect(Collectors.groupingBy(
                        Decision::status, () -> new java.util.EnumMap<>(Status.class), Collectors.counting()));
        return "Assessment[" + region + " as of " + asOf + ", rules " + ruleSetVersion + ", " + counts + "]";
    }
}
