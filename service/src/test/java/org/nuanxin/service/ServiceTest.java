package org.nuanxin.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on a random port with its embedded PostgreSQL in a fresh folder under {@code target/}: real
 * HTTP, real database. Test classes that share these properties share one running service (Spring's context
 * cache), so each test uses its own member ids.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nuanxin.service.data-directory=target/pg/${random.uuid}",
            "nuanxin.service.users[0].name=staff",
            "nuanxin.service.users[0].password={noop}staff-pw",
            "nuanxin.service.users[0].roles=STAFF",
            "nuanxin.service.users[1].name=visitor",
            "nuanxin.service.users[1].password={noop}visitor-pw",
            "nuanxin.service.users[1].roles=VISITOR",
            "spring.main.banner-mode=off"
        })
abstract class ServiceTest {

    static final String STAFF = "staff:staff-pw";
    static final String VISITOR = "visitor:visitor-pw";
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** An answer: status, body as text and as JSON, headers. */
    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A member id no other test uses. */
    static String newMember() {
        return "T-" + UUID.randomUUID().toString().substring(0, 18);
    }

    Answer get(String path, String credentials) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), credentials);
    }

    Answer post(String path, String body, String credentials) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                credentials);
    }

    Answer send(HttpRequest.Builder request, String credentials) {
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r =
                    HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A Xi'an courier case (union member, Henan hukou) as JSON, with extra top-level fields. */
    static String xianCourier(String asOf, String extra) {
        return "{" + extra + (extra.isEmpty() ? "" : ", ")
                + "\"region\": \"xian\", \"as_of\": \"" + asOf + "\", \"worker\": {\"occupation\": \"COURIER\","
                + " \"new_employment_form\": true, \"work_city\": \"xian\", \"hukou_province\": \"henan\","
                + " \"union_member\": true}, \"events\": [{\"type\": \"HOMECOMING_TRIP\", \"reason\":"
                + " \"URGENT_MATTER\", \"union_certified\": true, \"ticket_cost\": 356.50}]}";
    }

    /** A grant request for a Xi'an courier. */
    static String grantBody(String member, String benefit, String asOf) {
        return xianCourier(asOf, "\"member_id\": \"" + member + "\", \"benefit\": \"" + benefit + "\"");
    }
}
