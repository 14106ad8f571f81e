package org.nuanxin.model;

/** Basic medical insurance a worker is enrolled in. */
public enum MedicalInsurance {
    URBAN_EMPLOYEE,
    URBAN_RURAL_RESIDENT,
    NONE
}
