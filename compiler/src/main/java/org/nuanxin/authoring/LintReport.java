package org.nuanxin.authoring;

import java.util.List;
import org.nuanxin.RuleProblem;

/**
 * The problems {@link RuleLinter} found in a rule folder, sorted by file and line.
 *
 * @param origin   the folder linted
 * @param problems errors and warnings
 */
public record LintReport(String origin, List<RuleProblem> problems) {

    public LintReport {
        problems = List.copyOf(problems);
    }

    /** Whether any problem is an error (the folder must not be used). */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == RuleProblem.Severity.ERROR);
    }

    /** {@code 2 errors, 1 warning}. */
    public String summary() {
        long errors = problems.stream()
                .filter(p -> p.severity() == RuleProblem.Severity.ERROR)
                .count();
        long warnings = problems.size() - errors;
        return errors
                + (errors == 1 ? " error, " : " errors, ")
                + warnings
                + (warnings == 1 ? " warning" : " warnings");
    }

    @Override
    public String toString() {
        return "LintReport[" + origin + ": " + summary() + "]";
    }
}
