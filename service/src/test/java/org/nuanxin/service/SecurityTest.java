package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every protected endpoint refuses anonymous callers and bad credentials with 401 and callers without the STAFF
 * role with 403, as problem documents; staff get through, by HTTP Basic and by a bearer JWT (the production
 * option, here with a key made for the test).
 */
class SecurityTest extends ServiceTest {

    private static final KeyPair KEYS = keys();

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", SecurityTest::publicKeyFile);
    }

    /** A protected call: method, path, body (or null). */
    record Call(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path + (body != null && body.contains("member_id") ? " (member_id)" : "");
        }
    }

    static List<Call> protectedCalls() {
        String member = "SEC-1";
        String grant = "00000000-0000-0000-0000-000000000001";
        return List.of(
                new Call("POST", "/api/v1/grants", grantBody(member, "XIAN_LEGAL_SERVICES", "2026-03-10")),
                new Call("GET", "/api/v1/grants/" + grant, null),
                new Call("GET", "/api/v1/grants/" + grant + "/replay", null),
                new Call("GET", "/api/v1/members/" + member + "/claims", null),
                new Call("GET", "/api/v1/quotas?region=xian&year=2026", null),
                new Call("POST", "/api/v1/assessments", xianCourier("2026-03-10", "\"member_id\": \"" + member + "\"")),
                new Call("GET", "/actuator/metrics", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedCalls")
    void refusedWithoutStaffCredentialsAndOpenToStaff(Call call) {
        Answer anonymous = call(call, null);
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
        if (!call.path().startsWith("/api/v1/assessments")) {
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        }
        assertThat(call(call, "Basic " + basic("staff:wrong")).status()).isEqualTo(401);

        Answer visitor = call(call, "Basic " + basic(VISITOR));
        assertThat(visitor.status()).as(visitor.body()).isEqualTo(403);
        assertThat(visitor.header("Content-Type")).startsWith("application/problem+json");

        Answer staff = call(call, "Basic " + basic(STAFF));
        assertThat(staff.status()).as(staff.body()).isNotIn(401, 403);

        Answer bearer = call(call, "Bearer " + token(List.of("STAFF")));
        assertThat(bearer.status()).as(bearer.body()).isNotIn(401, 403);
        assertThat(call(call, "Bearer " + token(List.of())).status()).isEqualTo(403);
        String forged = token(List.of("STAFF"));
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA"
                + forged.substring(forged.lastIndexOf('.') + 5);
        assertThat(call(call, "Bearer " + forged).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openCalls")
    void openEndpointsNeedNoCredentials(String path) {
        assertThat(get(path, null).status()).isEqualTo(200);
    }

    static List<String> openCalls() {
        return List.of("/api/v1/regions", "/api/v1/regions/xian/benefits", "/actuator/health", "/v3/api-docs");
    }

    private Answer call(Call call, String authorization) {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri(call.path()));
        if (call.body() == null) {
            r.GET();
        } else {
            r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call.body()));
        }
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return send(r, null);
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String token(List<String> roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject("officer-7")
                    .claim("roles", roles)
                    .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyFile() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "jwt"));
            Path file = Files.createTempFile(dir, "public", ".pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                            .encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return "file:" + file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
