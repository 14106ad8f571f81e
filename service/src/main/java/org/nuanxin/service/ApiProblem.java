package org.nuanxin.service;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the service refuses, answered as an RFC 9457 problem document: a status, a stable type, a title,
 * a detail saying what to do, and extension members (the field at fault, the reasons of a decision).
 */
public class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Base of the problem types; each is documented in docs/service.md under its name. */
    public static final String TYPES = "https://nuanxin.org/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    /** A problem of {@code type} (a short name such as {@code invalid-input}). */
    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** Adds an extension member. */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** 400: {@code field} is wrong ({@code body} when blank: the body as a whole); {@code detail} says how. */
    public static ApiProblem invalid(String field, String detail) {
        String f = field == null || field.isBlank() ? "body" : field;
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", f + ": " + detail)
                .with("field", f);
    }

    /** 404: no such thing. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what);
    }

    /** The problem document. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, getMessage());
        p.setType(URI.create(TYPES + type));
        p.setTitle(title);
        properties.forEach(p::setProperty);
        return p;
    }

    public HttpStatus status() {
        return status;
    }
}
