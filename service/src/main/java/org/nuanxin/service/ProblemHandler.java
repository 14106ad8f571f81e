package org.nuanxin.service;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.UnknownRegionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as an RFC 9457 problem document ({@code application/problem+json}): bad input names the field
 * (400), unknown regions, benefits and grants are 404, refused grants 409 with the decision's reasons, and
 * anything unexpected a 500 that says nothing of the request (the log has the error, never the input).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e, HttpServletRequest request) {
        return respond(e.toProblemDetail(), request);
    }

    /** The engine's own input errors name the field (and the line of the body). */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        ApiProblem p = ApiProblem.invalid(e.field(), e.problem());
        if (e instanceof MalformedFileException m && m.line() > 0) {
            p.with("line", m.line());
        }
        return respond(p.toProblemDetail(), request);
    }

    @ExceptionHandler(UnknownRegionException.class)
    ResponseEntity<ProblemDetail> unknownRegion(UnknownRegionException e, HttpServletRequest request) {
        return respond(
                ApiProblem.invalid("region", e.getMessage() + "; GET /api/v1/regions lists them")
                        .toProblemDetail(),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The service failed on this request; nothing was recorded.");
        p.setType(URI.create(ApiProblem.TYPES + "internal"));
        p.setTitle("Internal error");
        return respond(p, request);
    }

    /** Spring MVC's own refusals (unsupported media type, bad method, unreadable body) keep their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (r != null
                && r.getBody() instanceof ProblemDetail p
                && (p.getType() == null || p.getType().toString().equals("about:blank"))) {
            p.setType(URI.create(ApiProblem.TYPES + "http-" + statusCode.value()));
        }
        return r;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p, HttpServletRequest request) {
        p.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(p.getStatus()).body(p);
    }
}
