package org.cyprus.api.http;

import java.util.Map;

/**
 * A request that cannot be answered as asked, thrown by handlers and turned into an error response by
 * {@link ErrorMapper}; {@code headers} are added to that response (e.g. {@code Allow}, {@code Retry-After}).
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, String> headers;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message);
    }
}
