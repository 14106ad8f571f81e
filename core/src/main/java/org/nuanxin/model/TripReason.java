package org.nuanxin.model;

/** Why a worker travels home (A-XA-3: only a major or urgent matter qualifies for the ticket subsidy). */
public enum TripReason {
    MAJOR_MATTER,
    URGENT_MATTER,
    HOLIDAY,
    OTHER
}
