package org.nuanxin.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.nuanxin.Nuanxin;
import org.nuanxin.input.YamlNode;
import org.nuanxin.model.Claim;
import org.nuanxin.model.Situation;
import org.nuanxin.scenario.WorkerFile;

/**
 * A request body holding a case in the scenario vocabulary ({@code region}, {@code as_of}, {@code worker},
 * {@code events}, {@code claims}; docs/scenario-format.md), read by the same reader as scenario and worker
 * files, with the same limits and the same field names in its errors; the service's own fields beside them
 * ({@code member_id}, {@code benefit}) are read here.
 *
 * @param root   the parsed body
 * @param file   the case as core read it
 * @param region the region: the body's, or the only one served
 * @param asOf   the assessment date: the body's, or today in Asia/Shanghai
 */
public record CaseRequest(YamlNode root, WorkerFile file, String region, LocalDate asOf) {

    /** What error messages call the body. */
    static final String BODY = "request body";

    /**
     * Reads a body.
     *
     * @param hostKeys the service's own fields this endpoint accepts beside the case's
     * @throws org.nuanxin.InvalidInputException naming the field when the body is malformed
     */
    public static CaseRequest read(String body, Collection<String> hostKeys, Nuanxin engine, LocalDate today) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalid(
                    "worker", "the body is empty; send a case as JSON: {\"region\": …, \"worker\": {…}}");
        }
        YamlNode root = YamlNode.parse(BODY, body);
        WorkerFile file = WorkerFile.of(root, hostKeys);
        String region = file.region();
        if (region == null) {
            if (engine.regionIds().size() != 1) {
                throw ApiProblem.invalid("region", "is required; one of " + engine.regionIds());
            }
            region = engine.regionIds().get(0);
        }
        engine.region(region); // an unknown region fails here, naming the field
        return new CaseRequest(root, file, region, file.asOf() != null ? file.asOf() : today);
    }

    /** A text field of the service's own, required, checked against {@code pattern}. */
    public String required(String key, String pattern, String hint) {
        String v = root.text(key);
        if (v == null) {
            throw ApiProblem.invalid(key, "is required");
        }
        if (!v.matches(pattern)) {
            throw ApiProblem.invalid(key, hint);
        }
        return v;
    }

    /** The situation with the ledger's claims in place of any in the body. */
    public Situation withClaims(List<Claim> claims) {
        Situation s = file.situation();
        return new Situation(s.worker(), s.events(), claims);
    }

    /**
     * The canonical input of a decision: the case as canonical JSON ({@link YamlNode#canonicalJson()}) with the
     * region and date it was decided on and the claims it was decided with, in the scenario vocabulary, so that
     * core's reader reads it back to the same situation.
     */
    public String canonicalInput(List<Claim> claims) {
        StringBuilder out = new StringBuilder("{\"as_of\":");
        YamlNode.quote(out, asOf.toString());
        out.append(",\"claims\":[");
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            out.append(i == 0 ? "" : ",").append("{\"benefit\":");
            YamlNode.quote(out, c.benefit());
            out.append(",\"date\":");
            YamlNode.quote(out, String.valueOf(c.date()));
            out.append('}');
        }
        out.append("],\"events\":");
        YamlNode events = root.get("events");
        out.append(events == null || events.isNull() ? "[]" : events.canonicalJson());
        out.append(",\"region\":");
        YamlNode.quote(out, region);
        out.append(",\"worker\":")
                .append(root.require("worker").canonicalJson())
                .append('}');
        return out.toString();
    }
}
