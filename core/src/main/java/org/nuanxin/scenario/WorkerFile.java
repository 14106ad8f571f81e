package org.nuanxin.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.nuanxin.MalformedFileException;
import org.nuanxin.internal.RegionData;
import org.nuanxin.internal.YamlNode;
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

    private static final List<String> CASE_KEYS = List.of("as_of", "claims", "events", "expect", "name", "note",
            "region", "worker");

    /** Reads a worker file. */
    public static WorkerFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MalformedFileException(path.toString(), 0, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(path.toString(), text);
    }

    /** Parses a worker file's text. */
    public static WorkerFile parse(String file, String text) {
        YamlNode root = YamlNode.parse(file, text);
        if (!root.isMap()) {
            throw root.error("expected a worker (field: value) or a case with worker:");
        }
        if (root.get("cases") != null) {
            throw root.get("cases").error("this is a scenario file with cases; run it with verify, or give assess"
                    + " one worker (a case without expect, or a bare worker)");
        }
        if (root.get("worker") == null) {
            return new WorkerFile(file, null, null, Situation.of(WorkerReader.worker(root)));
        }
        root.allowOnly(CASE_KEYS);
        LocalDate asOf = root.get("as_of") == null || root.get("as_of").isNull() ? null : RegionData.date(root.get("as_of"));
        return new WorkerFile(file, root.text("region"), asOf, new Situation(WorkerReader.worker(root.require("worker")),
                WorkerReader.events(root.get("events")), WorkerReader.claims(root.get("claims"))));
    }
}
