package org.cyprus.api.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The one shape of every error response: {@code {"error":{"code":"...","message":"..."}}}.
 *
 * @param error the code and the human-readable message
 */
public record ErrorBody(Detail error) {

    /** @param code a stable {@link ErrorCode#code()}; @param message what went wrong, for people */
    public record Detail(String code, String message) {
    }

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(new Detail(code.code(), message));
    }

    /** The body as JSON text, for writers that have no object mapper at hand (Jetty's error pages). */
    public String toJson() {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        return "{\"error\":{\"code\":\"" + new String(encoder.quoteAsString(error.code()))
                + "\",\"message\":\"" + new String(encoder.quoteAsString(error.message())) + "\"}}";
    }
}
