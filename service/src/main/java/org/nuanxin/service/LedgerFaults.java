package org.nuanxin.service;

/**
 * Told of each step of a grant's transaction; the tests' way to interrupt a grant at every step and show that
 * nothing is half-recorded. The service has none (no bean): nothing is told.
 */
@FunctionalInterface
public interface LedgerFaults {

    /** The steps of a grant, in order. */
    enum Step {
        /** The member's row is locked. */
        MEMBER_LOCKED,
        /** The member is re-assessed with the ledger's claims and found eligible. */
        ASSESSED,
        /** A quota place is taken, or a waiting-list position given. */
        QUOTA_TAKEN,
        /** The decision record is written. */
        DECISION_RECORDED,
        /** The grant is written; the transaction commits next. */
        GRANT_RECORDED
    }

    /** Called at {@code step}; throwing rolls the grant back. */
    void at(Step step);
}
