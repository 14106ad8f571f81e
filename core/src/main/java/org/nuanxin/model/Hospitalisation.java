package org.nuanxin.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.nuanxin.InvalidInputException;

/**
 * A hospital stay. Its details are health data: {@link #toString()} says only which are known.
 *
 * @param hospital         the hospital's id or name; a region's rules compare it with their own data
 *                         (a union hospital's id is a region parameter, e.g. {@code hospital.union_hospital})
 * @param admissionDate    day of admission
 * @param dischargeDate    day of discharge
 * @param outOfPocketCost  what the worker paid after insurance, CNY
 * @param mealCost         meals during the stay, CNY
 */
public record Hospitalisation(
        String hospital,
        LocalDate admissionDate,
        LocalDate dischargeDate,
        BigDecimal outOfPocketCost,
        BigDecimal mealCost)
        implements Event {

    /** @throws InvalidInputException naming the field on a negative cost or a discharge before admission */
    public Hospitalisation {
        hospital = hospital == null || hospital.isBlank() ? null : hospital.strip();
        outOfPocketCost = Money.of("out_of_pocket_cost", outOfPocketCost);
        mealCost = Money.of("meal_cost", mealCost);
        if (admissionDate != null && dischargeDate != null && dischargeDate.isBefore(admissionDate)) {
            throw new InvalidInputException("discharge_date", "is before admission_date");
        }
    }

    @Override
    public String type() {
        return "HOSPITALISATION";
    }

    /** The admission date, else the discharge date; {@code null} when neither is known. */
    @Override
    public LocalDate date() {
        return admissionDate != null ? admissionDate : dischargeDate;
    }

    /** Says which facts are known, never the values. */
    @Override
    public String toString() {
        return "Hospitalisation[hospital " + known(hospital) + ", admission_date " + known(admissionDate)
                + ", discharge_date " + known(dischargeDate) + ", out_of_pocket_cost " + known(outOfPocketCost)
                + ", meal_cost " + known(mealCost) + "]";
    }

    private static String known(Object o) {
        return o == null ? "unknown" : "known";
    }
}
