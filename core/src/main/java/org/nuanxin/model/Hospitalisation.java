package org.nuanxin.model;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.nuanxin.InvalidInputException;

/**
 * A hospital stay. Its details are health data: {@link #toString()} says only which are known.
 *
 * @param hospital         {@code xian_union_hospital} (西安工会医院) or another hospital's name
 * @param admissionDate    day of admission
 * @param dischargeDate    day of discharge
 * @param outOfPocketCost  what the worker paid after insurance, CNY
 * @param mealCost         meals during the stay, CNY
 */
public record Hospitalisation(String hospital, LocalDate admissionDate, LocalDate dischargeDate,
                              BigDecimal outOfPocketCost, BigDecimal mealCost) implements Event {

    /** The id of Xi'an Union Hospital (西安工会医院) in worker files. */
    public static final String XIAN_UNION_HOSPITAL = "xian_union_hospital";

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
