package org.nuanxin.scenario;

import java.math.BigDecimal;
import java.util.Set;
import org.nuanxin.Status;

/**
 * What a scenario case expects of one benefit: a status and, optionally, figures. Only what is
 * listed is checked.
 *
 * @param benefit benefit code
 * @param status  expected status
 * @param amount  expected cash payable, or {@code null} when not checked
 * @param amountMin expected lowest cash of a range, or {@code null} when not checked
 * @param amountMax expected highest cash of a range, or {@code null} when not checked
 * @param value   expected in-kind value, or {@code null} when not checked
 * @param missing expected missing fields (any order), or {@code null} when not checked
 * @param line    line of the expectation in its file
 */
public record Expectation(
        String benefit,
        Status status,
        BigDecimal amount,
        BigDecimal amountMin,
        BigDecimal amountMax,
        BigDecimal value,
        Set<String> missing,
        int line) {}
