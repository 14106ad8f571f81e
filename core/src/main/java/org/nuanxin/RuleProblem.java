package org.nuanxin;

import java.util.Objects;

/**
 * One problem found while building or running a region's rules, located in the author's file.
 *
 * @param file     the rule or data file, relative to the region's rule folder ({@code health.drl})
 * @param line     1-based line, or 0 when the compiler did not say
 * @param column   1-based column, or 0 when unknown
 * @param severity ERROR or WARNING
 * @param rule     the rule's name when known, else empty
 * @param message  what is wrong
 */
public record RuleProblem(String file, int line, int column, Severity severity, String rule, String message) {

    /** How bad a problem is: errors stop a rule set from being used. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public RuleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        rule = rule == null ? "" : rule;
        message = message == null ? "" : message.strip();
    }

    /** {@code file:line:column: severity: message}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + (rule.isEmpty() ? "" : "rule \"" + rule + "\": ") + message;
    }
}
