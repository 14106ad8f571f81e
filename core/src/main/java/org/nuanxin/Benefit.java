package org.nuanxin;

import java.util.Objects;

/**
 * One entry of a region's benefit catalogue. Codes are stable: the contract between the library,
 * scenario files and hosts.
 *
 * @param code     stable code, e.g. {@code XIAN_HOMECOMING_TICKET_SUBSIDY}
 * @param region   the region id
 * @param nameZh   Chinese name as the source gives it
 * @param nameEn   English name
 * @param kind     what it gives
 * @param source   source key of the programme, e.g. {@code XA-2025}
 * @param clause   the clause it comes from, quoted
 * @param payment  how cash for several events adds up
 * @param provider who runs it: the union, or an employer's own programme
 * @param providerName the body that runs it, e.g. 西安市总工会 or 顺丰速运 (SF Express)
 * @param quotaKey the parameter holding its quota of places (e.g. a yearly number of covers), or empty
 * @param budgetKey the parameter holding its budget in CNY, or empty
 */
public record Benefit(String code, String region, String nameZh, String nameEn, BenefitKind kind, String source,
                      String clause, Payment payment, Provider provider, String providerName, String quotaKey,
                      String budgetKey) {

    /** Who runs a benefit's programme. */
    public enum Provider {
        /** A trade union's programme. */
        UNION,
        /** An employer's own programme, reported by the source but not run by the union. */
        EMPLOYER
    }

    /** How the cash of a benefit adds up when several events qualify. */
    public enum Payment {
        /** One payment at most (once a year): the largest qualifying one. */
        ONCE,
        /** One payment per qualifying event, summed (per hospitalisation). */
        PER_EVENT
    }

    public Benefit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(kind, "kind");
        payment = payment == null ? Payment.ONCE : payment;
        provider = provider == null ? Provider.UNION : provider;
        providerName = providerName == null ? "" : providerName;
        quotaKey = quotaKey == null ? "" : quotaKey;
        budgetKey = budgetKey == null ? "" : budgetKey;
    }

    /** {@code XIAN_FREE_HEALTH_CHECK 免费体检 (Free health check-up)}, employer programmes marked. */
    @Override
    public String toString() {
        return code + " " + nameZh + " (" + nameEn + ")" + (provider == Provider.EMPLOYER ? " [employer: " + providerName + "]" : "");
    }
}
