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
 * @param servesEveryone declared in the catalogue ({@code serves: everyone}): the benefit has no criterion
 *                 of its own and serves every worker the programme covers (its programme-wide criteria
 *                 still apply)
 * @param limit    declared in the catalogue ({@code limit:}): how often the benefit may be granted, judged
 *                 on the worker's claims; {@link Limit#NONE} when the catalogue declares no limit
 * @param limitFrom for {@link Limit#ONCE_SINCE}, the date parameter the limit counts from; else empty
 * @param aboutZh  what the benefit gives, as the catalogue states it for a worker ({@code about_zh}); it is
 *                 a criterion always met, so it is among the reasons of an eligible decision (which lists
 *                 every criterion met; a decision that is not eligible lists what failed); empty when not
 *                 stated
 * @param aboutEn  the same in English ({@code about_en})
 */
public record Benefit(
        String code,
        String region,
        String nameZh,
        String nameEn,
        BenefitKind kind,
        String source,
        String clause,
        Payment payment,
        Provider provider,
        String providerName,
        String quotaKey,
        String budgetKey,
        boolean servesEveryone,
        Limit limit,
        String limitFrom,
        String aboutZh,
        String aboutEn) {

    /**
     * How often a benefit may be granted, as its catalogue entry declares it; the engine checks it
     * against the claims the host passes (its ledger), so it is always known.
     */
    public enum Limit {
        /** No limit declared. */
        NONE("none"),
        /** Once in the calendar year of the assessment date ({@code limit: once_a_year}). */
        ONCE_A_YEAR("once_a_year"),
        /** Once in the calendar year of each trip home ({@code limit: once_a_year_of_trip}). */
        ONCE_A_YEAR_OF_TRIP("once_a_year_of_trip"),
        /** Once between {@code programme.start} and {@code programme.end} ({@code limit: once_in_programme}). */
        ONCE_IN_PROGRAMME("once_in_programme"),
        /**
         * Once from the date parameter {@code limit_from} up to the assessment date ({@code limit: once_since}).
         */
        ONCE_SINCE("once_since");

        private final String yaml;

        Limit(String yaml) {
            this.yaml = yaml;
        }

        /** The word benefits.yaml writes. */
        public String yaml() {
            return yaml;
        }
    }

    /** A benefit without catalogue declarations. */
    public Benefit(
            String code,
            String region,
            String nameZh,
            String nameEn,
            BenefitKind kind,
            String source,
            String clause,
            Payment payment,
            Provider provider,
            String providerName,
            String quotaKey,
            String budgetKey) {
        this(
                code,
                region,
                nameZh,
                nameEn,
                kind,
                source,
                clause,
                payment,
                provider,
                providerName,
                quotaKey,
                budgetKey,
                false,
                Limit.NONE,
                "",
                "",
                "");
    }

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
        limit = limit == null ? Limit.NONE : limit;
        limitFrom = limitFrom == null ? "" : limitFrom;
        aboutZh = aboutZh == null ? "" : aboutZh;
        aboutEn = aboutEn == null ? "" : aboutEn;
    }

    /** {@code XIAN_FREE_HEALTH_CHECK 免费体检 (Free health check-up)}, employer programmes marked. */
    @Override
    public String toString() {
        return code + " " + nameZh + " (" + nameEn + ")"
                + (provider == Provider.EMPLOYER ? " [employer: " + providerName + "]" : "");
    }
}
