package org.cyprus.api.http;

import java.util.Arrays;

/** The machine-readable codes of error responses, each with its HTTP status (RFC 9110 §15). */
public enum ErrorCode {
    BAD_REQUEST("bad_request", 400),
    INVALID_JSON("invalid_json", 400),
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    NOT_ACCEPTABLE("not_acceptable", 406),
    REQUEST_TIMEOUT("request_timeout", 408),
    CONFLICT("conflict", 409),
    GONE("gone", 410),
    LENGTH_REQUIRED("length_required", 411),
    PRECONDITION_FAILED("precondition_failed", 412),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    URI_TOO_LONG("uri_too_long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    RANGE_NOT_SATISFIABLE("range_not_satisfiable", 416),
    UNPROCESSABLE("unprocessable", 422),
    TOO_MANY_REQUESTS("too_many_requests", 429),
    HEADERS_TOO_LARGE("headers_too_large", 431),
    INTERNAL("internal_error", 500),
    NOT_IMPLEMENTED("not_implemented", 501),
    UNAVAILABLE("unavailable", 503);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The code as it appears in the JSON body. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /**
     * The generic code for a status that arrived without one (from Jetty or Javalin): the first code
     * declared for that status, else {@code bad_request} for other 4xx and {@code internal_error} for the rest.
     */
    public static ErrorCode forStatus(int status) {
        return Arrays.stream(values()).filter(c -> c.status == status).findFirst()
                .orElse(status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL);
    }
}
