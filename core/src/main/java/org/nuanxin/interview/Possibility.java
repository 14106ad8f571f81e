package org.nuanxin.interview;

import java.math.BigDecimal;

/**
 * A benefit a worker could get if an event happened: every other criterion is met.
 *
 * @param region the region id
 * @param code   the benefit code
 * @param event  the event type ({@code HOMECOMING_TRIP})
 * @param textZh what would make it payable, in the rules' own words
 *               ({@code 如因大事急事返乡、经基层工会证明，可获返乡往返车票补贴，最高200元})
 * @param textEn the same in English
 * @param cash   the most cash it would pay, CNY; {@code null} when it pays none
 * @param value  its in-kind value, CNY; {@code null} when none
 */
public record Possibility(
        String region, String code, String event, String textZh, String textEn, BigDecimal cash, BigDecimal value) {}
