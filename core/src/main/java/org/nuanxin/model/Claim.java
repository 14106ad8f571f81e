package org.nuanxin.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A benefit already granted to the worker before the assessment date, from the host's ledger. The
 * ledger is the authority: claims left out mean none. Used by "once a year" limits.
 *
 * @param benefit the benefit code, e.g. {@code XIAN_HOMECOMING_TICKET_SUBSIDY}
 * @param date    the date it was granted
 */
public record Claim(String benefit, LocalDate date) {
    public Claim {
        Objects.requireNonNull(benefit, "benefit");
        Objects.requireNonNull(date, "date");
    }
}
