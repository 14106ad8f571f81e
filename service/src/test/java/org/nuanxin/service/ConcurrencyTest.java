package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Quotas and once-a-year limits hold under concurrency through the database alone: requests race across two
 * service instances (two Spring applications, one database), so no lock inside one JVM could be what holds
 * them.
 */
class ConcurrencyTest extends ServiceTest {

    private static ConfigurableApplicationContext second;

    @Autowired
    EmbeddedPostgres pg;

    @BeforeAll
    static void noSecondYet() {
        second = null;
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    /** Another instance of the service on the same database, started once. */
    int secondPort() {
        if (second == null) {
            second = new SpringApplicationBuilder(NuanxinService.class)
                    .properties(
                            "server.port=0",
                            "spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                            "spring.datasource.username=postgres",
                            "nuanxin.service.users[0].name=staff",
                            "nuanxin.service.users[0].password={noop}staff-pw",
                            "spring.main.banner-mode=off",
                            "management.endpoints.web.exposure.include=health")
                    .run();
        }
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @Test
    void thirtyTwoConcurrentGrantsForTheLastFivePlacesGiveFive() throws Exception {
        String benefit = "XIAN_ACCIDENT_MUTUAL_AID";
        int places = get("/api/v1/quotas?region=xian&year=2026", STAFF)
                .json()
                .get("benefits")
                .valueStream()
                .filter(b -> b.get("benefit").asString().equals(benefit))
                .findFirst()
                .orElseThrow()
                .get("places")
                .asInt();
        jdbc.update(
                "INSERT INTO quota (region, benefit, year, places, used) VALUES ('xian', ?, 2026, ?, ?)",
                benefit,
                places,
                places - 5);
        int other = secondPort();
        List<Callable<Answer>> calls = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(32);
        for (int i = 0; i < 32; i++) {
            String body = grantBody(newMember(), benefit, "2026-04-01");
            int via = i % 2 == 0 ? port : other;
            calls.add(() -> {
                start.await();
                return postTo(via, "/api/v1/grants", body);
            });
        }
        List<Answer> answers = run(calls);
        List<String> statuses = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Answer a : answers) {
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            JsonNode g = a.json();
            statuses.add(g.get("status").asString());
            if (g.get("status").asString().equals("WAITLISTED")) {
                positions.add(g.get("waitlist_position").asInt());
            }
        }
        assertThat(statuses.stream().filter("GRANTED"::equals).count()).isEqualTo(5);
        assertThat(positions)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 27).boxed().toList());
        assertThat(jdbc.queryForObject(
                        "SELECT used FROM quota WHERE region = 'xian' AND benefit = ? AND year = 2026",
                        Integer.class,
                        benefit))
                .isEqualTo(places);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM benefit_grant WHERE benefit = ? AND quota_year = 2026 AND status = 'GRANTED'",
                        Integer.class,
                        benefit))
                .isEqualTo(5);
    }

    @Test
    void twoConcurrentGrantsOfAOnceAYearBenefitToOneMemberGiveOne() throws Exception {
        int other = secondPort();
        for (int round = 0; round < 10; round++) {
            String body = grantBody(newMember(), "XIAN_HOMECOMING_TICKET_SUBSIDY", "2026-03-10");
            CyclicBarrier start = new CyclicBarrier(2);
            List<Answer> answers = run(List.of(
                    () -> {
                        start.await();
                        return postTo(port, "/api/v1/grants", body);
                    },
                    () -> {
                        start.await();
                        return postTo(other, "/api/v1/grants", body);
                    }));
            List<Integer> codes = answers.stream().map(Answer::status).sorted().toList();
            assertThat(codes).as(answers.toString()).containsExactly(201, 409);
        }
    }

    private Answer postTo(int port, String path, String body) {
        return send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)),
                STAFF);
    }

    private static List<Answer> run(List<Callable<Answer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Answer> out = new ArrayList<>();
            for (Future<Answer> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
