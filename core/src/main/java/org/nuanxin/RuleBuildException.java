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
    private final List<RuleProblem> problems;

    public RuleBuildException(String region, List<RuleProblem> problems) {
        super("rules of region '" + region + "' do not build: " + problems.stream()
                .map(RuleProblem::toString).collect(Collectors.joining("; ")));
        this.region = region;
        this.problems = List.copyOf(problems);
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
