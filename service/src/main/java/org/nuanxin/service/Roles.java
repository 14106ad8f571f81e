package org.nuanxin.service;

/** The roles the service knows. */
public final class Roles {

    /** Union staff: grants benefits, reads members' claims, quotas and decision records. */
    public static final String STAFF = "STAFF";

    private Roles() {}
}
