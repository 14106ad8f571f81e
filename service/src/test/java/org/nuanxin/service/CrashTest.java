package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nuanxin.service.LedgerFaults.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A grant interrupted at any point leaves nothing half-recorded and loses nothing committed: an exception at
 * each step of its transaction, the database connection dropped mid-way, and the service process killed while
 * grants are in flight.
 */
@Import(CrashTest.Faults.class)
@ExtendWith(OutputCaptureExtension.class)
class CrashTest extends ServiceTest {

    private static final String CHECK = "XIAN_FREE_HEALTH_CHECK";

    /** What the next grant meets at a step: nothing, an exception, or its connection terminated. */
    static final class Fault implements LedgerFaults {
        volatile Step at;
        volatile boolean dropConnection;
        volatile org.springframework.jdbc.core.JdbcTemplate jdbc;

        @Override
        public void at(Step step) {
            if (step != at) {
                return;
            }
            at = null;
            if (dropConnection) {
                // this transaction's own connection ends, as when the network or the database goes away
                jdbc.execute("SELECT pg_terminate_backend(pg_backend_pid())");
            }
            throw new IllegalStateException("fault injected at " + step);
        }
    }

    @TestConfiguration
    static class Faults {
        @Bean
        Fault fault() {
            return new Fault();
        }
    }

    @Autowired
    Fault fault;

    @Autowired
    EmbeddedPostgres pg;

    @AfterEach
    void disarm() {
        fault.at = null;
        fault.dropConnection = false;
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void anExceptionAtAnyStepRecordsNothing(Step step, CapturedOutput output) {
        assertNothingRecordedWhenInterruptedAt(step, false, output);
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"MEMBER_LOCKED", "QUOTA_TAKEN", "DECISION_RECORDED", "GRANT_RECORDED"})
    void aDroppedConnectionRecordsNothing(Step step, CapturedOutput output) {
        assertNothingRecordedWhenInterruptedAt(step, true, output);
    }

    private void assertNothingRecordedWhenInterruptedAt(Step step, boolean drop, CapturedOutput output) {
        String member = newMember();
        int usedBefore = used(2026);
        int recordsBefore = count("SELECT count(*) FROM decision_record");
        fault.jdbc = jdbc;
        fault.dropConnection = drop;
        fault.at = step;
        Answer failed = post("/api/v1/grants", grantBody(member, CHECK, "2026-03-10"), STAFF);
        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(failed.body()).doesNotContain(member);
        assertThat(output.getAll()).as("the log names no member").doesNotContain(member);
        assertThat(count("SELECT count(*) FROM benefit_grant WHERE member_id = '" + member + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM decision_record")).isEqualTo(recordsBefore);
        assertThat(used(2026)).isEqualTo(usedBefore);
        assertConsistent(2026);
        // and the same grant goes through once the fault is gone
        Answer retried = post("/api/v1/grants", grantBody(member, CHECK, "2026-03-10"), STAFF);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(used(2026)).isEqualTo(usedBefore + 1);
        assertConsistent(2026);
    }

    @Test
    void killingTheServiceMidGrantLosesNothingCommittedAndHalfRecordsNothing() throws Exception {
        int childPort = freePort();
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target")), "killed-service", ".log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        NuanxinService.class.getName(),
                        "--server.port=" + childPort,
                        "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--nuanxin.service.users[0].name=staff",
                        "--nuanxin.service.users[0].password={noop}staff-pw",
                        "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        List<String> committed = new ArrayList<>();
        try {
            awaitUp(childPort, child, log);
            ConcurrentLinkedQueue<String> ok = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    while (running.get()) {
                        try {
                            Answer a = send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                    "http://127.0.0.1:" + childPort + "/api/v1/grants"))
                                            .header("Content-Type", "application/json")
                                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                                    grantBody(newMember(), CHECK, "2027-05-01"))),
                                    STAFF);
                            if (a.status() == 201) {
                                ok.add(a.json().get("id").asString());
                            }
                        } catch (RuntimeException e) {
                            // the process is gone: requests in flight fail
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ok.size() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the service
            child.waitFor(30, TimeUnit.SECONDS);
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            committed.addAll(ok);
        } finally {
            child.destroyForcibly();
        }
        assertThat(committed).as(Files.readString(log)).hasSizeGreaterThanOrEqualTo(20);
        for (String id : committed) {
            assertThat(count("SELECT count(*) FROM benefit_grant WHERE id = '" + id + "'::uuid"))
                    .as("grant %s was answered 201", id)
                    .isEqualTo(1);
        }
        // the database ends any transaction the dead process left open; wait for it, then check
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count("SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertConsistent(2027);
        assertThat(count("SELECT count(*) FROM benefit_grant WHERE quota_year = 2027"))
                .isGreaterThanOrEqualTo(committed.size());
    }

    /** No decision record without its grant, and each year's quota counts exactly the grants that took a place. */
    private void assertConsistent(int year) {
        assertThat(count("SELECT count(*) FROM decision_record d LEFT JOIN benefit_grant g ON g.decision_id = d.id"
                        + " WHERE g.id IS NULL"))
                .as("decision records without a grant")
                .isZero();
        assertThat(used(year))
                .isEqualTo(count("SELECT count(*) FROM benefit_grant WHERE benefit = '" + CHECK + "' AND quota_year = "
                        + year + " AND status = 'GRANTED'"));
    }

    private int used(int year) {
        List<Integer> u = jdbc.queryForList(
                "SELECT used FROM quota WHERE region = 'xian' AND benefit = ? AND year = ?",
                Integer.class,
                CHECK,
                year);
        return u.isEmpty() ? 0 : u.get(0);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitUp(int childPort, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the service process ended: " + Files.readString(log));
            }
            try {
                var r = send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + childPort + "/actuator/health"))
                                .GET(),
                        null);
                if (r.status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service process did not start in 120 s: " + Files.readString(log));
    }
}
