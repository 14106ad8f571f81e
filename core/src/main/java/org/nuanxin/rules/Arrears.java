package org.nuanxin.rules;

import org.nuanxin.model.WageArrears;

/** Unpaid wages as rules see them; one fact per WAGE_ARREARS event. */
public final class Arrears {

    private final WageArrears arrears;
    private final int index;

    public Arrears(WageArrears arrears, int index) {
        this.arrears = arrears;
        this.index = index;
    }

    public int index() {
        return index;
    }

    public DateField date() {
        return new DateField("events.date", arrears.date());
    }

    public AmountField amount() {
        return new AmountField("events.amount", arrears.amount());
    }

    @Override
    public String toString() {
        return "Arrears[events[" + index + "]]";
    }
}
