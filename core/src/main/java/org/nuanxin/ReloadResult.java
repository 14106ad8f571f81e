package org.nuanxin;

import java.util.List;

/**
 * What a reload of a region's rules came to. A rule set is promoted only when it passes the guard,
 * compiles and passes the region's scenario suite within the reload's deadline; otherwise the previous
 * rules keep serving and {@link #problems()} says why.
 *
 * @param region          the region id
 * @param promoted        whether the new rules now serve
 * @param version         the rule-set version now serving (the new one when promoted)
 * @param previous        the version that served before the reload (empty for a region new to the engine)
 * @param candidate       the version of the rule set that was tried, or empty when it could not be read
 * @param problems        build, guard and suite problems, located by file and line
 * @param casesPassed     scenario cases of the suite that passed
 * @param casesFailed     scenario cases of the suite that failed
 */
public record ReloadResult(
        String region,
        boolean promoted,
        String version,
        String previous,
        String candidate,
        List<RuleProblem> problems,
        long casesPassed,
        long casesFailed) {

    public ReloadResult {
        problems = List.copyOf(problems);
    }

    /** {@code xian: promoted 1a2b3c4d5e6f (98 passed, 0 failed)} or the first problem. */
    @Override
    public String toString() {
        return region + ": "
                + (promoted
                        ? "promoted " + version
                        : "kept " + version + ", rejected " + (candidate.isEmpty() ? "rules" : candidate))
                + " (" + casesPassed + " passed, " + casesFailed
                + " failed" + (problems.isEmpty() ? "" : "; " + problems.get(0)) + ")";
    }
}
