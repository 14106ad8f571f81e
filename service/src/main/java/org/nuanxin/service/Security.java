package org.nuanxin.service;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Catalogue and assessment endpoints are open and store nothing; the ledger's endpoints
 * (grants, members' claims, quotas, replays) and Actuator's (except health) need the {@code STAFF} role. By
 * default staff sign in with HTTP Basic against {@code nuanxin.service.users}; with
 * {@code spring.security.oauth2.resourceserver.jwt.*} set, bearer JWTs are accepted too, their {@code roles}
 * claim giving the roles. Refusals are RFC 9457 problem documents: 401 without valid credentials, 403 without
 * the role. No session, no cookie on the API: every request carries its credentials, so CSRF does not apply
 * there. The staff's pages ({@code /staff}) sign in by a form into a session, with CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
public class Security {

    private static final Logger LOG = LoggerFactory.getLogger(Security.class);

    /**
     * The staff's pages ({@code /staff}): a login form and a session, with CSRF tokens in every form (Thymeleaf
     * adds them); the same accounts as the API's HTTP Basic.
     */
    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.securityMatcher("/staff", "/staff/**", "/login", "/logout")
                .authorizeHttpRequests(a ->
                        a.requestMatchers("/login").permitAll().anyRequest().hasRole(Roles.STAFF))
                .formLogin(f ->
                        f.loginPage("/login").defaultSuccessUrl("/staff", true).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwt) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/api/v1/grants/**", "/api/v1/members/**", "/api/v1/quotas", "/api/v1/quotas/**")
                        .hasRole(Roles.STAFF)
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Roles.STAFF)
                        .anyRequest()
                        .permitAll())
                .httpBasic(b -> b.realmName("nuanxin").authenticationEntryPoint((req, res, e) -> unauthorized(res)))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> unauthorized(res))
                        .accessDeniedHandler((req, res, ex) -> problem(
                                res,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "Forbidden",
                                "this needs the " + Roles.STAFF + " role")));
        if (jwt.getIfAvailable() != null) {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName("roles");
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(roles);
            http.oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint((req, res, e) -> unauthorized(res)));
        }
        return http.build();
    }

    /**
     * Staff accounts from {@code nuanxin.service.users}, or one generated account when none is set. Passwords
     * stay as configured: a {@code {bcrypt}} hash costs tens of milliseconds of CPU per request, by design, and
     * is not silently re-encoded (Spring Security would otherwise upgrade {@code {noop}} passwords to bcrypt on
     * first use). A client that calls often is better served by the JWT option.
     */
    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    UserDetailsService staffUsers(ServiceProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (ServiceProperties.User u : properties.getUsers()) {
            if (u.getName() == null || u.getPassword() == null) {
                throw new IllegalStateException(
                        "nuanxin.service.users: each user needs a name and a password ({bcrypt}… or {noop}…)");
            }
            users.add(User.withUsername(u.getName())
                    .password(u.getPassword().startsWith("{") ? u.getPassword() : "{noop}" + u.getPassword())
                    .roles(u.getRoles().toArray(String[]::new))
                    .build());
        }
        if (users.isEmpty()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            LOG.warn(
                    "No staff accounts configured (nuanxin.service.users): made 'staff' with password {} for this run",
                    password);
            // a random password that the log shows anyway: hashing it in memory would only cost CPU
            users.add(User.withUsername("staff")
                    .password("{noop}" + password)
                    .roles(Roles.STAFF)
                    .build());
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername; // not a UserDetailsPasswordService: no password upgrade
    }

    /** For endpoints open to all whose one option is for staff: 401 or 403 unless {@code auth} has the role. */
    static void requireStaff(Authentication auth) {
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "Unauthorized",
                    "member_id reads the ledger: sign in as staff (HTTP Basic or a bearer token)");
        }
        if (auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_" + Roles.STAFF))) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "member_id needs the STAFF role");
        }
    }

    private static void unauthorized(HttpServletResponse res) throws IOException {
        res.setHeader("WWW-Authenticate", "Basic realm=\"nuanxin\"");
        problem(
                res,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "sign in as staff: HTTP Basic with a staff account, or a bearer token with the STAFF role");
    }

    private static void problem(HttpServletResponse res, HttpStatus status, String type, String title, String detail)
            throws IOException {
        res.setStatus(status.value());
        res.setContentType("application/problem+json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter()
                .write("{\"type\":\"" + ApiProblem.TYPES + type + "\",\"title\":\"" + title + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
