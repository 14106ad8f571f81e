package org.nuanxin.model;

/** A child's school stage. */
public enum SchoolStage {
    PRESCHOOL,
    PRIMARY,
    JUNIOR_SECONDARY,
    SENIOR_SECONDARY,
    UNIVERSITY,
    NONE
}
