package org.nuanxin;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A region's rules or data could not be built: a DRL syntax or type error, a rule without its
 * citation, a malformed parameters file. Carries every problem with file and line.
 */
public class RuleBuildException extends NuanxinException {
    private static final long serialVersionUID = 1L;

    private final String region;
    private final String origin;
    private final List<RuleProblem> problems;

    /**
     * @param region   the region id ({@code ?} when even region.yaml could not be read)
     * @param origin   where the rules came from: a classpath folder or a directory
     * @param problems every problem, errors first
     */
    public RuleBuildException(String region, String origin, List<RuleProblem> problems) {
        super("rules of region '" + region + "' from " + origin + " do not build: "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; ")));
        this.region = region;
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    /** Where the rules came from: a classpath folder or a directory. */
    public String origin() {
        return origin;
    }

    /** The region whose rules failed. */
    public String region() {
        return region;
    }

    /** Every problem found, errors first. */
    public List<RuleProblem> problems() {
        return problems;
    }
}
