package org.nuanxin.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Wages owed to the worker and not paid (欠薪).
 *
 * @param date   when the arrears arose
 * @param amount the amount owed, CNY
 */
public record WageArrears(LocalDate date, BigDecimal amount) implements Event {

    /** @throws org.nuanxin.InvalidInputException naming {@code amount} when negative or finer than a fen */
    public WageArrears {
        amount = Money.of("amount", amount);
    }

    @Override
    public String type() {
        return "WAGE_ARREARS";
    }
}
