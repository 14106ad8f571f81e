package org.nuanxin;

/** What a benefit gives. */
public enum BenefitKind {
    /** Money paid to the worker, with an amount. */
    CASH,
    /** Something of stated value given in kind: a cover, a check-up, a camp place. */
    IN_KIND,
    /** A service the worker may use: legal aid, a hotline, a station. */
    SERVICE,
    /** The worker is referred to a measure whose terms are set elsewhere. */
    REFERRAL,
    /** Priority for scarce places. */
    PRIORITY,
    /** A step the worker can take that unlocks other benefits (joining the union). */
    NEXT_STEP
}
