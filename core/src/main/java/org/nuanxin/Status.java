package org.nuanxin;

/** The outcome of one benefit for one worker. */
public enum Status {
    /** Every criterion is met. */
    ELIGIBLE,
    /** A criterion is known not to be met (this wins over missing facts). */
    NOT_ELIGIBLE,
    /** No criterion is known to fail, but facts are missing: the decision names them. */
    NEEDS_INFO
}
