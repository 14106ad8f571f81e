package org.nuanxin.model;

/** A worker's sex as the programmes use it (women's screening and cover). */
public enum Gender {
    FEMALE,
    MALE
}
