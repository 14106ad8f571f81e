package org.nuanxin.model;

import java.time.LocalDate;

/**
 * A degree or skill certificate the worker obtained. Either field may be unknown ({@code null}).
 *
 * @param kind degree or skill
 * @param date the date it was obtained
 */
public record Certificate(CertificateKind kind, LocalDate date) {

    /** Says which facts are known, never the values. */
    @Override
    public String toString() {
        return "Certificate[kind " + (kind == null ? "unknown" : kind) + ", date "
                + (date == null ? "unknown" : "known") + "]";
    }
}
