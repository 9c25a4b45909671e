package org.cyprus.api.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import io.javalin.http.Handler;
import org.cyprus.auth.AuthException;
import org.cyprus.library.LibraryException;
import org.cyprus.progress.ProgressException;
import org.cyprus.stream.StreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: every exception a handler throws, every status
 * Javalin produces (404 for unknown routes, 405 for wrong methods, 413 for oversized bodies) and every
 * {@code java.lang.Error} ends as an {@link ErrorBody} with the right status. Jetty's own errors (malformed
 * requests that never reach a handler) are answered in the same shape by {@link JsonErrorPages}.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger("http");

    private ErrorMapper() {
    }

    /**
     * Installs the mapping; {@code page}, when given, answers unknown addresses that are pages of the web app
     * (a GET outside {@code /api/} that accepts HTML) instead of a 404, so the app's own addresses can be reloaded.
     */
    public static void install(JavalinConfig config, Optional<Handler> page) {
        config.routes.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, e.code(), e.getMessage());
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e instanceof EndpointNotFound && page.isPresent() && WebAppResource.isPage(ctx)) {
                try {
                    page.get().handle(ctx);
                    return;
                } catch (ApiException notBuilt) {
                    write(ctx, notBuilt.code(), notBuilt.getMessage());
                    return;
                } catch (Exception failed) {
                    log.error("{} {} failed", ctx.method(), ctx.path(), failed);
                }
            }
            mapJavalinResponse(e, ctx);
        });
        config.routes.exception(LibraryException.class, (e, ctx) -> write(ctx, switch (e.kind()) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case CONFLICT -> ErrorCode.CONFLICT;
            case INVALID -> ErrorCode.BAD_REQUEST;
        }, e.getMessage()));
        config.routes.exception(StreamException.class, (e, ctx) -> write(ctx, switch (e.kind()) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case GONE, STALE -> ErrorCode.GONE;
            case UNSUPPORTED -> ErrorCode.CONFLICT;
            case INVALID -> ErrorCode.BAD_REQUEST;
        }, e.getMessage()));
        config.routes.exception(ProgressException.class, (e, ctx) -> write(ctx, ErrorMapper.code(e), e.getMessage()));
        config.routes.exception(AuthException.class, (e, ctx) -> {
            ApiException api = AuthResource.toApi(e);
            api.headers().forEach(ctx::header);
            write(ctx, api.code(), api.getMessage());
        });
        config.routes.exception(JacksonException.class, (e, ctx) -> write(ctx, ErrorCode.INVALID_JSON, describe(e)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, ErrorCode.INTERNAL, "The server could not complete this request.");
        });
        config.router.javaLangErrorHandler((response, error) -> {
            log.error("Fatal error while serving a request", error);
            writeRaw(response, ErrorCode.INTERNAL, "The server could not complete this request.");
        });
    }

    /** The error code of a listening failure; shared with the WebSocket, which answers in the same terms. */
    public static ErrorCode code(ProgressException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case INVALID -> ErrorCode.BAD_REQUEST;
            case TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
        };
    }

    private static void mapJavalinResponse(HttpResponseException e, Context ctx) {
        ErrorCode code = ErrorCode.forStatus(e.getStatus());
        String message = switch (code) {
            case NOT_FOUND -> e instanceof EndpointNotFound
                    ? "There is nothing at " + ctx.path() + "."
                    : e.getMessage();
            case METHOD_NOT_ALLOWED -> {
                String allowed = allowedMethods(e.getDetails());
                ctx.header("Allow", allowed); // RFC 9110 §15.5.6: a 405 lists the methods the target supports
                yield ctx.method() + " is not allowed on " + ctx.path() + "; use " + allowed + ".";
            }
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            default -> e.getMessage();
        };
        write(ctx, code, message);
    }

    private static String allowedMethods(Map<String, String> details) {
        return details.values().stream().findFirst().orElse("");
    }

    private static String describe(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "' in the request body.";
        }
        String message = e.getOriginalMessage();
        return "The request body is not valid JSON for this request: " + (message == null ? "malformed" : message);
    }

    /** Writes the error body, replacing anything a handler may have set. */
    static void write(Context ctx, ErrorCode code, String message) {
        ctx.status(code.status());
        ctx.contentType("application/json");
        ctx.result(ErrorBody.of(code, message).toJson());
    }

    private static void writeRaw(HttpServletResponse response, ErrorCode code, String message) {
        if (response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            response.setStatus(code.status());
            response.setContentType("application/json");
            response.getWriter().write(ErrorBody.of(code, message).toJson());
        } catch (java.io.IOException | IllegalStateException ignored) {
            // The client is gone or the response is committed; nothing more can be said.
        }
    }
}
