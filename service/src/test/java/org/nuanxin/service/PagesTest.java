package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The pages over plain HTTP, without a browser (the browser tests are {@code *BrowserTest}): forms parsed within
 * the body cap, answers carried by the form, the staff page behind its login.
 */
class PagesTest extends ServiceTest {

    @Test
    void theWorkerPageCarriesTheAnswersInItsForm() {
        Answer start = get("/", null);
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.header("Content-Type")).startsWith("text/html");
        assertThat(start.body()).contains("开始").doesNotContain("http://", "https://");
        assertThat(start.header("Set-Cookie"))
                .as("no cookie on the worker's page")
                .isNull();

        Answer step = form("lang=en&as_of=2026-03-10&field=new_employment_form&value=true");
        assertThat(step.status()).isEqualTo(200);
        assertThat(step.body())
                .contains("name=\"answer\" value=\"new_employment_form=true\"")
                .contains("value=\"2026-03-10\"")
                .contains("lang=\"en\"");
        assertThat(step.header("Set-Cookie")).isNull();

        Answer back = form("as_of=2026-03-10&answer=new_employment_form%3Dtrue&action=back");
        assertThat(back.body()).contains("data-field=\"new_employment_form\"");

        Answer wrong = form("as_of=2026-03-10&answer=new_employment_form%3Dtrue&field=work_city&value=Atlantis");
        assertThat(wrong.body()).contains("id=\"error\"").contains("Atlantis");
    }

    @Test
    void aFormBeyondTheCapOrWithoutALengthIsRefused() {
        String big = "answer=" + "x".repeat(70_000);
        assertThat(form(big).status()).isEqualTo(413);
        byte[] bytes = "field=new_employment_form&value=true".getBytes(StandardCharsets.UTF_8);
        Answer chunked = send(
                HttpRequest.newBuilder(uri("/interview"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))),
                null);
        assertThat(chunked.status()).isEqualTo(411);
    }

    @Test
    void theStaffPageNeedsASignIn() {
        Answer anonymous = get("/staff", null);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
        assertThat(get("/login", null).body()).contains("name=\"_csrf\"");
    }

    @Test
    void anUnknownPathIsAProblemDocument() {
        Answer missing = get("/favicon.ico", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asString()).isEqualTo(ApiProblem.TYPES + "http-404");
    }

    private Answer form(String body) {
        return send(
                HttpRequest.newBuilder(uri("/interview"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                null);
    }
}
