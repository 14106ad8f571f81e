package org.nuanxin.model;

import java.time.LocalDate;

/**
 * A child of the worker. Either field may be unknown ({@code null}).
 *
 * @param birthDate   the child's date of birth
 * @param schoolStage the school stage the child is in
 */
public record Child(LocalDate birthDate, SchoolStage schoolStage) {

    /** Says which facts are known, never the values. */
    @Override
    public String toString() {
        return "Child[birth_date " + (birthDate == null ? "unknown" : "known") + ", school_stage "
                + (schoolStage == null ? "unknown" : "known") + "]";
    }
}
