package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nuanxin.Nuanxin;
import org.nuanxin.ReloadResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A grant's recorded input re-decided after the serving rules changed: the replay says what changed and which
 * rule changed it. The engine is reloaded with a corrected Xi'an rule folder, so this class gets its own
 * service.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReplayTest extends ServiceTest {

    private static final Path XIAN =
            Path.of("..", "rules-xian", "src", "main", "resources", "org", "nuanxin", "region", "xian");

    @Autowired
    Nuanxin nuanxin;

    @Test
    void replayUnderChangedRulesSaysWhatChangedAndWhichRule() throws IOException {
        String member = newMember();
        Answer granted = post("/api/v1/grants", grantBody(member, "XIAN_FREE_HEALTH_CHECK", "2026-03-10"), STAFF);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        String id = granted.json().get("id").asString();
        assertThat(get("/api/v1/grants/" + id + "/replay", STAFF)
                        .json()
                        .get("same")
                        .asBoolean())
                .isTrue();

        // the check-up's value corrected from 190.00 to 210.00, with a suite that expects it
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "xian-corrected");
        try (Stream<Path> files = Files.list(XIAN)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        Path params = folder.resolve("parameters.yaml");
        String text = Files.readString(params);
        assertThat(text).contains("2025-09-01: 190.00");
        Files.writeString(params, text.replace("2025-09-01: 190.00", "2025-09-01: 210.00"));
        Files.createDirectories(folder.resolve("scenarios"));
        Files.writeString(folder.resolve("scenarios").resolve("corrected.yaml"), """
                region: xian
                cases:
                  - name: check-up at its corrected value
                    as_of: 2026-03-10
                    worker: {new_employment_form: true, work_city: xian}
                    expect:
                      XIAN_FREE_HEALTH_CHECK: {status: ELIGIBLE, value: 210.00}
                """);
        ReloadResult reload = nuanxin.reload(folder, List.of());
        assertThat(reload.promoted()).as(reload.toString()).isTrue();

        JsonNode replay = get("/api/v1/grants/" + id + "/replay", STAFF).json();
        assertThat(replay.get("same").asBoolean()).as(replay.toString()).isFalse();
        assertThat(replay.get("rule_set_version")).isNotEqualTo(replay.get("recorded_rule_set_version"));
        JsonNode change = replay.get("changes").get(0);
        assertThat(change.get("field").asString()).isEqualTo("value");
        assertThat(change.get("recorded").decimalValue()).isEqualByComparingTo("190.00");
        assertThat(change.get("now").decimalValue()).isEqualByComparingTo("210.00");
        assertThat(replay.get("rules").toString()).contains("210");
        assertThat(replay.get("changes").size()).isEqualTo(1);
    }
}
