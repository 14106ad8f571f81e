package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API description the service serves ({@code /v3/api-docs}) is the one checked in under
 * {@code docs/openapi.json}: a change to the API fails here until the file is updated with
 * {@code mvn -pl service -am test -Dtest=OpenApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dnuanxin.openapi.write=true}.
 */
class OpenApiTest extends ServiceTest {

    private static final Path CHECKED_IN = Path.of("..", "docs", "openapi.json");

    @Test
    void servedSpecIsTheCheckedInOne() throws IOException {
        Answer served = get("/v3/api-docs", null);
        assertThat(served.status()).isEqualTo(200);
        String now = normalised(served.json());
        if (Boolean.getBoolean("nuanxin.openapi.write")) {
            Files.writeString(CHECKED_IN, now, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(CHECKED_IN))
                .as("docs/openapi.json is missing; write it with -Dnuanxin.openapi.write=true")
                .isTrue();
        assertThat(now)
                .as("the API changed: review the difference, then rewrite docs/openapi.json with"
                        + " -Dnuanxin.openapi.write=true")
                .isEqualTo(Files.readString(CHECKED_IN, StandardCharsets.UTF_8));
        assertThat(now).contains("/api/v1/grants/{id}/replay").contains("\"staff\"");
        assertThat(get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    /** Keys sorted at every level, indented; without the servers list, which names this run's port. */
    static String normalised(JsonNode spec) {
        ObjectNode copy = ((ObjectNode) spec).deepCopy();
        copy.remove("servers");
        JsonMapper pretty =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return pretty.writeValueAsString(sorted(copy)) + "\n";
    }

    private static Object sorted(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new TreeMap<>();
            n.properties().forEach(e -> m.put(e.getKey(), sorted(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            java.util.List<Object> l = new java.util.ArrayList<>();
            n.forEach(x -> l.add(sorted(x)));
            return l;
        }
        return n;
    }
}
