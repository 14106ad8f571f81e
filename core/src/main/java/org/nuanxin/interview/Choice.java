package org.nuanxin.interview;

/**
 * One answer a {@link AnswerKind#ONE_OF} question offers.
 *
 * @param value the value as the scenario format writes it ({@code COURIER})
 * @param zh    its label in Chinese
 * @param en    its label in English
 */
public record Choice(String value, String zh, String en) {}
