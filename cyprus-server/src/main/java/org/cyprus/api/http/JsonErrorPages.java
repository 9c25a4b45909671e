package org.cyprus.api.http;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages, in the API's JSON shape: used for requests Jetty rejects before any handler
 * runs (a malformed URI, oversized headers, an ambiguous path) and for errors inside the servlet context.
 */
final class JsonErrorPages {
    private JsonErrorPages() {
    }

    /** For the server, outside any context. */
    static final class ServerErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
        ServerErrors() {
            setShowStacks(false);
            setShowCauses(false);
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws java.io.IOException {
            if (!generateAcceptableResponse(request, response, callback, "application/json",
                    List.of(StandardCharsets.UTF_8), code, message, cause)) {
                callback.succeeded();
            }
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(body(code, message));
        }
    }

    /** For the servlet context Javalin runs in. */
    static final class ContextErrors extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        ContextErrors() {
            setShowStacks(false);
            setShowCauses(false);
            setShowOrigin(false);
            setShowMessageInTitle(false);
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws java.io.IOException {
            if (!generateAcceptableResponse(request, response, callback, "application/json",
                    List.of(StandardCharsets.UTF_8), code, message, cause)) {
                callback.succeeded();
            }
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(body(code, message));
        }
    }

    private static String body(int status, String reason) {
        ErrorCode code = ErrorCode.forStatus(status);
        String message = reason == null || reason.isBlank() ? "The request could not be processed." : reason;
        return ErrorBody.of(code, "HTTP " + status + ": " + message).toJson();
    }
}
