package org.nuanxin.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Parameter;
import org.nuanxin.Region;
import org.nuanxin.Status;
import org.nuanxin.model.Claim;
import org.nuanxin.model.Event;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.service.Ledger.DecisionRecord;
import org.nuanxin.service.Ledger.Grant;
import org.nuanxin.service.LedgerFaults.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Grants a benefit to a member in one database transaction: lock the member, re-assess with the ledger's
 * claims, refuse unless ELIGIBLE, take a quota place (or a waiting-list position), write the decision record and
 * the grant. Either all of it commits or none of it does.
 */
@Service
public class Grants {

    private final Nuanxin nuanxin;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final LedgerFaults faults;

    public Grants(
            Nuanxin nuanxin,
            Ledger ledger,
            TransactionTemplate tx,
            ObjectMapper json,
            ObjectProvider<LedgerFaults> faults) {
        this.nuanxin = nuanxin;
        this.ledger = ledger;
        this.tx = tx;
        this.json = json;
        this.faults = faults.getIfAvailable(() -> step -> {});
    }

    /** A grant and whether it was made by this request (false: an earlier request with the same key made it). */
    public record Outcome(Grant grant, DecisionRecord record, boolean created) {}

    /**
     * Grants {@code benefit} to {@code memberId} on the case of {@code request}.
     *
     * @param requestKey an idempotency key: a request repeated with it gets the first grant back; may be null
     * @throws ApiProblem 409 with the decision's reasons when the member is not eligible, or is already on the
     *     benefit's waiting list this year; 400 naming the field for bad input
     */
    public Outcome grant(CaseRequest request, String memberId, String benefitCode, String staff, String requestKey) {
        if (!request.file().situation().claims().isEmpty()) {
            throw ApiProblem.invalid(
                    "claims", "a grant is decided on the ledger's claims; leave claims out of the request");
        }
        Region region = nuanxin.region(request.region());
        Benefit benefit = region.benefits().stream()
                .filter(b -> b.code().equals(benefitCode))
                .findFirst()
                .orElseThrow(() -> ApiProblem.invalid(
                        "benefit",
                        "'" + benefitCode + "' is not a benefit of " + region.id() + "; GET /api/v1/regions/"
                                + region.id() + "/benefits lists them"));
        return tx.execute(status -> {
            ledger.lockMember(memberId);
            if (requestKey != null) {
                var earlier = ledger.grantForRequest(requestKey);
                if (earlier.isPresent()) {
                    Grant g = earlier.get();
                    if (!g.memberId().equals(memberId) || !g.benefit().equals(benefitCode)) {
                        throw new ApiProblem(
                                HttpStatus.CONFLICT,
                                "idempotency-key-reused",
                                "Idempotency key reused",
                                "this Idempotency-Key was used for another grant; use a new key for each grant");
                    }
                    return new Outcome(g, ledger.decisionRecord(g.decisionId()).orElseThrow(), false);
                }
            }
            faults.at(Step.MEMBER_LOCKED);
            List<Claim> claims = ledger.claims(memberId, region.id());
            LocalDate asOf = request.asOf();
            Assessment assessment = nuanxin.assess(region.id(), request.withClaims(claims), asOf);
            Decision decision = assessment.decision(benefitCode).orElseThrow();
            Map<String, Object> decisionTree = decisionTree(assessment, benefitCode);
            if (decision.status() != Status.ELIGIBLE) {
                throw new ApiProblem(
                                HttpStatus.CONFLICT,
                                "not-eligible",
                                "Not eligible",
                                "the member is " + decision.status() + " for " + benefitCode + " as of " + asOf
                                        + (decision.missing().isEmpty()
                                                ? ""
                                                : "; the case lacks " + String.join(", ", decision.missing())))
                        .with("decision_status", decision.status().name())
                        .with("missing", decision.missing())
                        .with("reasons", decisionTree.get("reasons"));
            }
            faults.at(Step.ASSESSED);
            int year = asOf.getYear();
            Integer quotaYear = null;
            String grantStatus = "GRANTED";
            Integer position = null;
            if (!benefit.quotaKey().isEmpty()) {
                quotaYear = year;
                if (!ledger.takePlace(region.id(), benefitCode, year, places(region, benefit, asOf))) {
                    var waiting = ledger.waitlisting(memberId, region.id(), benefitCode, year);
                    if (waiting.isPresent()) {
                        throw new ApiProblem(
                                        HttpStatus.CONFLICT,
                                        "already-waitlisted",
                                        "Already on the waiting list",
                                        "the member is already on the waiting list for " + benefitCode + " in " + year
                                                + " at position "
                                                + waiting.get().waitlistPosition())
                                .with("grant_id", waiting.get().id().toString());
                    }
                    grantStatus = "WAITLISTED";
                    position = ledger.joinWaitlist(region.id(), benefitCode, year);
                }
            }
            faults.at(Step.QUOTA_TAKEN);
            String input = request.canonicalInput(claims);
            DecisionRecord record = new DecisionRecord(
                    UUID.randomUUID(),
                    region.id(),
                    benefitCode,
                    asOf,
                    assessment.ruleSetVersion(),
                    input,
                    sha256(input),
                    json.writeValueAsString(decisionTree),
                    null);
            ledger.record(record);
            faults.at(Step.DECISION_RECORDED);
            boolean granted = grantStatus.equals("GRANTED");
            Grant grant = new Grant(
                    UUID.randomUUID(),
                    memberId,
                    region.id(),
                    benefitCode,
                    grantStatus,
                    position,
                    claimDate(benefit, request, asOf),
                    quotaYear,
                    granted ? decision.amount() : null,
                    granted ? decision.value() : null,
                    record.id(),
                    staff,
                    null);
            ledger.record(grant, requestKey);
            faults.at(Step.GRANT_RECORDED);
            return new Outcome(
                    ledger.grant(grant.id()).orElseThrow(),
                    ledger.decisionRecord(record.id()).orElseThrow(),
                    true);
        });
    }

    /** The benefit's places in force on {@code day}. */
    static int places(Region region, Benefit benefit, LocalDate day) {
        Parameter p = region.parameters().get(benefit.quotaKey());
        Object v = p.valueOn(day) != null ? p.valueOn(day) : p.value();
        return ((Number) v).intValue();
    }

    /** The benefit's budget in force on {@code day}, or null when it names none. */
    static BigDecimal budget(Region region, Benefit benefit, LocalDate day) {
        if (benefit.budgetKey().isEmpty()) {
            return null;
        }
        Parameter p = region.parameters().get(benefit.budgetKey());
        Object v = p.valueOn(day) != null ? p.valueOn(day) : p.value();
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    /**
     * The date the claim counts from: the grant's date, except for a benefit limited once in the year of each
     * trip home, whose claim is dated by the trip (the latest on or before the grant's date) so that the limit
     * counts it in that trip's year.
     */
    static LocalDate claimDate(Benefit benefit, CaseRequest request, LocalDate asOf) {
        if (benefit.limit() == Benefit.Limit.ONCE_A_YEAR_OF_TRIP) {
            LocalDate latest = null;
            for (Event e : request.file().situation().events()) {
                if (e instanceof HomecomingTrip t
                        && t.date() != null
                        && !t.date().isAfter(asOf)
                        && (latest == null || t.date().isAfter(latest))) {
                    latest = t.date();
                }
            }
            return latest != null ? latest : asOf;
        }
        return asOf;
    }

    /** The decision on one benefit as the assessment's JSON writes it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> decisionTree(Assessment a, String code) {
        for (Object d : (List<Object>) a.toTree().get("decisions")) {
            Map<String, Object> m = (Map<String, Object>) d;
            if (code.equals(m.get("benefit"))) {
                return m;
            }
        }
        throw new IllegalStateException("no decision on " + code);
    }

    /** Hex SHA-256 of the UTF-8 bytes, as the database checks it. */
    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
