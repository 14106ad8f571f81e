package org.nuanxin.model;

import java.time.LocalDate;
import org.nuanxin.InvalidInputException;

/**
 * A benefit already granted to the worker before the assessment date, from the host's ledger. The
 * ledger is the authority: claims left out mean none. Used by "once a year" limits.
 *
 * @param benefit the benefit code, e.g. {@code XIAN_HOMECOMING_TICKET_SUBSIDY}
 * @param date    the date it was granted
 */
public record Claim(String benefit, LocalDate date) {
    /** @throws InvalidInputException naming {@code benefit} or {@code date} when it is missing */
    public Claim {
        if (benefit == null || benefit.isBlank()) {
            throw new InvalidInputException("benefit", "a claim names the benefit code it granted");
        }
        if (date == null) {
            throw new InvalidInputException("date", "a claim gives the date it was granted");
        }
        benefit = benefit.strip();
    }
}
