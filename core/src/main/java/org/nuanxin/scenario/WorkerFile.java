package org.nuanxin.scenario;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.nuanxin.MalformedFileException;
import org.nuanxin.input.InputFiles;
import org.nuanxin.input.InputLimits;
import org.nuanxin.input.YamlNode;
import org.nuanxin.internal.RegionData;
import org.nuanxin.model.Situation;

/**
 * A worker file for {@code assess}: a scenario case without {@code expect} (with {@code worker},
 * optional {@code region}, {@code as_of}, {@code events}, {@code claims}), or a bare worker (its
 * fields at the top level).
 *
 * @param file      the file name as given
 * @param region    the region the file names, or {@code null}
 * @param asOf      the date the file names, or {@code null}
 * @param situation the worker, events and claims
 */
public record WorkerFile(String file, String region, LocalDate asOf, Situation situation) {

    private static final List<String> CASE_KEYS =
            List.of("as_of", "claims", "events", "expect", "name", "note", "region", "worker");

    /**
     * Reads a worker file. It must be a regular file (a symbolic link is followed) of UTF-8 text within the
     * {@linkplain InputLimits input limits}: at most 1 MiB (system property {@value InputLimits#MAX_FILE_BYTES}),
     * lists and mappings nested at most 32 deep ({@value InputLimits#MAX_DEPTH}), values of at most 65,536
     * characters ({@value InputLimits#MAX_SCALAR_CHARS}), no YAML tags outside the core schema; {@code as_of}
     * and every date in the years 1900 to 2200.
     *
     * @throws MalformedFileException naming the file (and the line and field) when it is none of that
     */
    public static WorkerFile read(Path path) {
        return parse(path.toString(), InputFiles.read(path));
    }

    /** Parses a worker file's text, within the same limits as {@link #read(Path)}. */
    public static WorkerFile parse(String file, String text) {
        YamlNode root = YamlNode.parse(file, text);
        if (!root.isMap()) {
            throw root.error("expected a worker (field: value) or a case with worker:");
        }
        if (root.get("cases") != null) {
            throw root.get("cases")
                    .error("this is a scenario file with cases; run it with verify, or give assess"
                            + " one worker (a case without expect, or a bare worker)");
        }
        if (root.get("worker") == null) {
            return new WorkerFile(file, null, null, Situation.of(WorkerReader.worker(root)));
        }
        root.allowOnly(CASE_KEYS);
        LocalDate asOf = root.get("as_of") == null || root.get("as_of").isNull() ? null : asOf(root.get("as_of"));
        return new WorkerFile(
                file,
                root.text("region"),
                asOf,
                new Situation(
                        WorkerReader.worker(root.require("worker")),
                        WorkerReader.events(root.get("events")),
                        WorkerReader.claims(root.get("claims"))));
    }

    /**
     * Reads a worker case from a tree the host has parsed ({@link YamlNode#parse}) and whose mapping may hold
     * fields of the host's own beside the case's ({@code member_id} in a web service's request, say): those
     * the host names in {@code hostKeys} are left to it, any other unknown field is an error as in a file.
     * The case must have {@code worker:}.
     *
     * @throws MalformedFileException naming the field when the case is malformed
     */
    public static WorkerFile of(YamlNode root, java.util.Collection<String> hostKeys) {
        if (!root.isMap()) {
            throw root.error("expected a case: worker, and optionally region, as_of, events and claims");
        }
        java.util.Set<String> allowed = new java.util.HashSet<>(CASE_KEYS);
        allowed.addAll(hostKeys);
        root.allowOnly(allowed);
        for (String key : hostKeys) {
            if (CASE_KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is a field of the case itself");
            }
        }
        LocalDate asOf = root.get("as_of") == null || root.get("as_of").isNull() ? null : asOf(root.get("as_of"));
        return new WorkerFile(
                root.file(),
                root.text("region"),
                asOf,
                new Situation(
                        WorkerReader.worker(root.require("worker")),
                        WorkerReader.events(root.get("events")),
                        WorkerReader.claims(root.get("claims"))));
    }

    /**
     * An assessment date as files give it: an ISO date in the years 1900 to 2200.
     *
     * @throws MalformedFileException naming the node's field otherwise
     */
    public static LocalDate asOf(YamlNode n) {
        LocalDate d = RegionData.date(n);
        if (!InputLimits.inRange(d)) {
            throw n.error(InputLimits.DATE_OUT_OF_RANGE);
        }
        return d;
    }
}
