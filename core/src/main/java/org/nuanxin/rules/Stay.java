package org.nuanxin.rules;

import org.nuanxin.model.Hospitalisation;

/** A hospital stay as rules see it; one fact per HOSPITALISATION event. */
public final class Stay {

    private final Hospitalisation stay;
    private final int index;

    public Stay(Hospitalisation stay, int index) {
        this.stay = stay;
        this.index = index;
    }

    /** Position of the event in the worker's event list. */
    public int index() {
        return index;
    }

    public Field<String> hospital() {
        return new Field<>("events.hospital", stay.hospital());
    }

    public DateField admissionDate() {
        return new DateField("events.admission_date", stay.admissionDate());
    }

    public DateField dischargeDate() {
        return new DateField("events.discharge_date", stay.dischargeDate());
    }
    /**
     * The stay's date: its admission date, else its discharge date; unknown (naming
     * {@code events.admission_date}) when neither is given.
     */
    public DateField date() {
        return new DateField(
                "events.admission_date", stay.admissionDate() != null ? stay.admissionDate() : stay.dischargeDate());
    }

    public AmountField outOfPocketCost() {
        return new AmountField("events.out_of_pocket_cost", stay.outOfPocketCost());
    }

    public AmountField mealCost() {
        return new AmountField("events.meal_cost", stay.mealCost());
    }

    /** Never prints health data. */
    @Override
    public String toString() {
        return "Stay[events[" + index + "]]";
    }
}
