package org.nuanxin.interview;

import java.util.List;

/**
 * One question of an {@link Interview}: a field of the scenario vocabulary, how to answer it, and
 * what hinges on it.
 *
 * @param field   the field in the scenario vocabulary: {@code birth_date}, {@code children},
 *                {@code children[0].birth_date}, {@code events.HOMECOMING_TRIP} (whether the event
 *                happened), {@code events[0].reason}
 * @param kind    how it is answered
 * @param options the answers to choose from, for {@link AnswerKind#ONE_OF}; else empty
 * @param promptZh the question in Chinese
 * @param promptEn the question in English
 * @param helpZh  why it is asked, in Chinese: the benefits that hinge on it
 * @param helpEn  the same in English
 * @param stakes  the benefits whose decision some answer would change, with the cash and in-kind value
 *                at stake
 * @param settles how many undecided benefits an answer settles, on average over the answers the rules
 *                distinguish; the ranking's first key
 */
public record Question(
        String field,
        AnswerKind kind,
        List<Choice> options,
        String promptZh,
        String promptEn,
        String helpZh,
        String helpEn,
        List<Stake> stakes,
        double settles) {

    public Question {
        options = List.copyOf(options);
        stakes = List.copyOf(stakes);
    }

    /** {@code birth_date (DATE): settles 3.0 of 5 benefits}. */
    @Override
    public String toString() {
        return field + " (" + kind + "): settles " + String.format(java.util.Locale.ROOT, "%.1f", settles) + " of "
                + stakes.size() + " benefit(s)";
    }
}
