package org.nuanxin.service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nuanxin.model.Claim;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The claims ledger in PostgreSQL (schema: {@code db/migration}). Its methods run inside the caller's
 * transaction; the invariants (quota within places, one grant per decision record, one waiting-list place per
 * member and year) are the database's, so they hold across service instances.
 */
@Repository
public class Ledger {

    private final JdbcTemplate jdbc;

    public Ledger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A recorded grant. */
    public record Grant(
            UUID id,
            String memberId,
            String region,
            String benefit,
            String status,
            Integer waitlistPosition,
            LocalDate claimDate,
            Integer quotaYear,
            BigDecimal amount,
            BigDecimal value,
            UUID decisionId,
            String grantedBy,
            OffsetDateTime createdAt) {

        /** Whether it took a place (not on the waiting list). */
        public boolean granted() {
            return "GRANTED".equals(status);
        }

        /** Ids, codes and status; no personal data. */
        @Override
        public String toString() {
            return "Grant[" + id + " " + region + " " + benefit + " " + status + "]";
        }
    }

    /** A recorded decision. */
    public record DecisionRecord(
            UUID id,
            String region,
            String benefit,
            LocalDate asOf,
            String ruleSetVersion,
            String input,
            String inputSha256,
            String decision,
            OffsetDateTime recordedAt) {

        /** Ids and versions only: the input holds personal data. */
        @Override
        public String toString() {
            return "DecisionRecord[" + id + " " + region + " " + benefit + " as of " + asOf + ", rules "
                    + ruleSetVersion + ", input " + inputSha256 + "]";
        }
    }

    /** A benefit's places in one year. */
    public record Quota(String region, String benefit, int year, int places, int used, int waitlisted) {}

    /**
     * Makes the member's row if new and locks it until the transaction ends, so that grants of one member are
     * decided one at a time, in every service instance.
     */
    public void lockMember(String memberId) {
        jdbc.update("INSERT INTO member (id) VALUES (?) ON CONFLICT (id) DO NOTHING", memberId);
        jdbc.queryForObject("SELECT id FROM member WHERE id = ? FOR UPDATE", String.class, memberId);
    }

    /** The member's granted benefits in a region as claims, dated by their claim dates. */
    public List<Claim> claims(String memberId, String region) {
        return jdbc.query(
                "SELECT benefit, claim_date FROM benefit_grant WHERE member_id = ? AND region = ? AND status = 'GRANTED'"
                        + " ORDER BY claim_date, created_at",
                (rs, i) -> new Claim(rs.getString(1), rs.getObject(2, LocalDate.class)),
                memberId,
                region);
    }

    /** Every grant of a member, oldest first. */
    public List<Grant> grantsOf(String memberId) {
        return jdbc.query(
                "SELECT * FROM benefit_grant WHERE member_id = ? ORDER BY created_at, id", Ledger::grant, memberId);
    }

    /** The grant with this id. */
    public Optional<Grant> grant(UUID id) {
        return jdbc.query("SELECT * FROM benefit_grant WHERE id = ?", Ledger::grant, id).stream()
                .findFirst();
    }

    /** The grant made for a request with this idempotency key. */
    public Optional<Grant> grantForRequest(String requestKey) {
        return jdbc.query("SELECT * FROM benefit_grant WHERE request_key = ?", Ledger::grant, requestKey).stream()
                .findFirst();
    }

    /** The member's place on a benefit's waiting list in a year, if any. */
    public Optional<Grant> waitlisting(String memberId, String region, String benefit, int year) {
        return jdbc
                .query(
                        "SELECT * FROM benefit_grant WHERE member_id = ? AND region = ? AND benefit = ?"
                                + " AND quota_year = ? AND status = 'WAITLISTED'",
                        Ledger::grant,
                        memberId,
                        region,
                        benefit,
                        year)
                .stream()
                .findFirst();
    }

    /** The decision record with this id. */
    public Optional<DecisionRecord> decisionRecord(UUID id) {
        return jdbc
                .query(
                        "SELECT * FROM decision_record WHERE id = ?",
                        (rs, i) -> new DecisionRecord(
                                rs.getObject("id", UUID.class),
                                rs.getString("region"),
                                rs.getString("benefit"),
                                rs.getObject("as_of", LocalDate.class),
                                rs.getString("rule_set_version"),
                                rs.getString("input"),
                                rs.getString("input_sha256"),
                                rs.getString("decision"),
                                rs.getObject("recorded_at", OffsetDateTime.class)),
                        id)
                .stream()
                .findFirst();
    }

    /**
     * Takes one of a benefit's places in a year, making the year's quota with {@code places} on its first use.
     *
     * @return whether a place was left (and is now taken)
     */
    public boolean takePlace(String region, String benefit, int year, int places) {
        jdbc.update(
                "INSERT INTO quota (region, benefit, year, places) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (region, benefit, year) DO NOTHING",
                region,
                benefit,
                year,
                places);
        return jdbc.update(
                        "UPDATE quota SET used = used + 1 WHERE region = ? AND benefit = ? AND year = ? AND used < places",
                        region,
                        benefit,
                        year)
                == 1;
    }

    /** Puts one more on a benefit's waiting list in a year; the quota row exists. @return the position */
    public int joinWaitlist(String region, String benefit, int year) {
        return jdbc.queryForObject(
                "UPDATE quota SET waitlisted = waitlisted + 1 WHERE region = ? AND benefit = ? AND year = ?"
                        + " RETURNING waitlisted",
                Integer.class,
                region,
                benefit,
                year);
    }

    /** Records a decision. */
    public void record(DecisionRecord r) {
        jdbc.update(
                "INSERT INTO decision_record (id, region, benefit, as_of, rule_set_version, input, input_sha256, decision)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(),
                r.region(),
                r.benefit(),
                r.asOf(),
                r.ruleSetVersion(),
                r.input(),
                r.inputSha256(),
                r.decision());
    }

    /** Records a grant (its decision record first). */
    public void record(Grant g, String requestKey) {
        jdbc.update(
                "INSERT INTO benefit_grant (id, member_id, region, benefit, status, waitlist_position, claim_date,"
                        + " quota_year, amount, value, decision_id, request_key, granted_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                g.id(),
                g.memberId(),
                g.region(),
                g.benefit(),
                g.status(),
                g.waitlistPosition(),
                g.claimDate(),
                g.quotaYear(),
                g.amount(),
                g.value(),
                g.decisionId(),
                requestKey,
                g.grantedBy());
    }

    /** The quotas of a region's benefits in a year that have been used. */
    public List<Quota> quotas(String region, int year) {
        return jdbc.query(
                "SELECT * FROM quota WHERE region = ? AND year = ? ORDER BY benefit",
                (rs, i) -> new Quota(
                        rs.getString("region"),
                        rs.getString("benefit"),
                        rs.getInt("year"),
                        rs.getInt("places"),
                        rs.getInt("used"),
                        rs.getInt("waitlisted")),
                region,
                year);
    }

    /** Cash and in-kind value granted per benefit in a region and year (by claim date): [benefit, cash, value]. */
    public List<Committed> committed(String region, int year) {
        return jdbc.query(
                "SELECT benefit, count(*), coalesce(sum(amount), 0), coalesce(sum(value), 0) FROM benefit_grant"
                        + " WHERE region = ? AND status = 'GRANTED' AND extract(year FROM claim_date) = ?"
                        + " GROUP BY benefit ORDER BY benefit",
                (rs, i) -> new Committed(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
                region,
                year);
    }

    /** Grants of a benefit in a year, and the cash and value they commit. */
    public record Committed(String benefit, int grants, BigDecimal cash, BigDecimal value) {}

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        return new Grant(
                rs.getObject("id", UUID.class),
                rs.getString("member_id"),
                rs.getString("region"),
                rs.getString("benefit"),
                rs.getString("status"),
                (Integer) rs.getObject("waitlist_position"),
                rs.getObject("claim_date", LocalDate.class),
                (Integer) rs.getObject("quota_year"),
                rs.getBigDecimal("amount"),
                rs.getBigDecimal("value"),
                rs.getObject("decision_id", UUID.class),
                rs.getString("granted_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
