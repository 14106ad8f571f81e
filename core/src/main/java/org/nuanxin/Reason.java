package org.nuanxin;

import java.util.List;

/**
 * Why a decision came out as it did: one rule's finding with its citation, in Chinese and English.
 *
 * @param rule     the name of the rule that decided
 * @param outcome  what the rule found
 * @param source   source key of the citation, e.g. {@code XA-2025}
 * @param clause   the clause of the source, quoted
 * @param textZh   a readable sentence in Chinese
 * @param textEn   a readable sentence in English
 * @param missing  fields the rule needs, for {@link Outcome#UNKNOWN}; else empty
 */
public record Reason(
        String rule,
        Outcome outcome,
        String source,
        String clause,
        String textZh,
        String textEn,
        List<String> missing) {

    /** What one rule found. */
    public enum Outcome {
        /** The criterion holds. */
        MET,
        /** The criterion is known not to hold. */
        NOT_MET,
        /** The criterion cannot be decided: fields are missing. */
        UNKNOWN,
        /** The rule set the cash amount or in-kind value. */
        AMOUNT
    }

    public Reason {
        missing = List.copyOf(missing);
    }

    /** {@code [NOT_MET] 户籍不在陕西 (XA-2025): Not met: …}. */
    @Override
    public String toString() {
        return "[" + outcome + "] " + rule + " (" + source + "): " + textEn;
    }
}
