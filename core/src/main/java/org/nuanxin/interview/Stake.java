package org.nuanxin.interview;

import java.math.BigDecimal;

/**
 * A benefit whose decision a question can still change, with what is at stake.
 *
 * @param region the region id
 * @param code   the benefit code
 * @param nameZh the benefit's name in Chinese
 * @param nameEn the benefit's name in English
 * @param cash   the most cash some answer would make payable, CNY; {@code null} when none
 * @param value  the in-kind value some answer would grant, CNY; {@code null} when none
 */
public record Stake(String region, String code, String nameZh, String nameEn, BigDecimal cash, BigDecimal value) {}
