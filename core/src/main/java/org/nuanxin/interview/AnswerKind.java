package org.nuanxin.interview;

/** The kind of answer a {@link Question} takes, which decides how a page or a terminal asks it. */
public enum AnswerKind {
    /** true or false. */
    YES_NO,
    /** One of the question's {@linkplain Question#options() options}. */
    ONE_OF,
    /** A place: a city or district name (Chinese or pinyin) or a GB/T 2260 code. */
    PLACE,
    /** A date, YYYY-MM-DD. */
    DATE,
    /** An amount in CNY, at most two decimals, not negative. */
    MONEY,
    /** A whole number from 0 (how many children, how many certificates). */
    COUNT,
    /** Whether an event happened (a trip home, a hospital stay, wage arrears): yes or no. */
    EVENT
}
