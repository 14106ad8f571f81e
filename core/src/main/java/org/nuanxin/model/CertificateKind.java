package org.nuanxin.model;

/** Kind of a certificate obtained by a worker. */
public enum CertificateKind {
    DEGREE,
    SKILL
}
