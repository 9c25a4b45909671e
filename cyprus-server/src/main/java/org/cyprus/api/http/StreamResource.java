package org.cyprus.api.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.cyprus.auth.Principal;
import org.cyprus.library.media.MediaFiles;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;
import org.cyprus.media.mux.ElementaryStream;
import org.cyprus.media.mux.FrameRun;
import org.cyprus.stream.BookStreams;
import org.cyprus.stream.ContinuousStream;
import org.cyprus.stream.SegmentPlan;
import org.cyprus.stream.StreamException;
import org.cyprus.stream.Timescales;
import org.cyprus.stream.dash.DashManifest;
import org.cyprus.stream.hls.HlsPlaylists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A book's audio for players: one continuous stream from any second ({@code /stream?start=}), HLS playlists
 * (RFC 8216), the DASH manifest (ISO/IEC 23009-1), and the segments both name, cut on request.
 */
final class StreamResource {
    private static final Logger log = LoggerFactory.getLogger("stream");
    /** The header that tells a continuous stream's true start (the start of the frame that holds the asked time). */
    static final String START_HEADER = "Cyprus-Start-Seconds";
    private static final String PLAYLIST = "application/vnd.apple.mpegurl";

    private final BookStreams streams;
    private final MediaFiles files;
    private final Authorize authorize;

    StreamResource(BookStreams streams, MediaFiles files, Authorize authorize) {
        this.streams = streams;
        this.files = files;
        this.authorize = authorize;
    }

    /** The book's id, once the caller is known to be allowed to play it. */
    private String readableBook(Context ctx) {
        String bookId = ctx.pathParam("id");
        long libraryId = files.libraryOf(bookId).orElseThrow(() -> ApiException.notFound("There is no book " + bookId + "."));
        authorize.book(ctx, libraryId, bookId);
        return bookId;
    }

    /**
     * What to append to URIs in playlists and manifests: a player that was let in by a media capability in the URL
     * needs it on every URL it derives; one signed in by cookie or header needs nothing.
     */
    private static String capabilityQuery(Context ctx) {
        Principal principal = RouteGuard.principal(ctx);
        String token = ctx.queryParam("t");
        return principal.method() == Principal.Method.MEDIA_CAPABILITY && token != null
                ? "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : "";
    }

    void stream(Context ctx) throws IOException {
        String bookId = readableBook(ctx);
        double startSeconds = QueryParams.decimal(ctx, "start", 0, 1e7, 0);
        ContinuousStream stream = streams.continuous(bookId, Math.round(startSeconds * 1e6));
        ctx.status(200);
        ctx.contentType(stream.format().codec() == Codec.AAC ? "audio/aac" : "audio/mpeg");
        ctx.header(START_HEADER, Timescales.seconds(stream.startUs(), 1_000_000));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Accept-Ranges", "none");
        if (ctx.method().name().equals("HEAD")) {
            return;
        }
        OutputStream out = ctx.res().getOutputStream();
        try {
            for (FrameRun run : stream) {
                ElementaryStream.write(run, out);
            }
            out.flush();
        } catch (IOException e) {
            // The listener hung up (or moved on to another position): the normal end of most streams.
            log.debug("Stream of {} ended early: {}", bookId, e.getMessage());
        } catch (MediaException | StreamException e) {
            // Checked before the first byte; only a file replaced or removed mid-stream gets here, and the status
            // line is long gone: cut the stream off.
            log.warn("Stream of {} cut off: {}", bookId, e.getMessage());
        }
    }

    void master(Context ctx) {
        SegmentPlan plan = streams.plan(readableBook(ctx));
        manifest(ctx, PLAYLIST, HlsPlaylists.master(plan, capabilityQuery(ctx)));
    }

    void dash(Context ctx) {
        SegmentPlan plan = streams.plan(readableBook(ctx));
        manifest(ctx, "application/dash+xml", DashManifest.mpd(plan, capabilityQuery(ctx)));
    }

    /** {@code /media/{version}/{name}}: the media playlist, an initialization section or a segment of that version. */
    void media(Context ctx) throws IOException {
        String bookId = readableBook(ctx);
        SegmentPlan plan = streams.plan(bookId, ctx.pathParam("version"));
        String name = ctx.pathParam("name");
        if (name.equals("hls.m3u8")) {
            manifest(ctx, PLAYLIST, HlsPlaylists.media(plan, capabilityQuery(ctx)));
            return;
        }
        BookStreams.Packed packed = streams.packed(plan, name);
        // A segment URL names one version of the book's audio, so its bytes never change (RFC 9111 §5.2.2.1, RFC 8246).
        ctx.header("Cache-Control", "private, max-age=31536000, immutable");
        ctx.contentType(packed.mimeType());
        // Written as they are, with their length: compressed media gains nothing from gzip, and players such as
        // ffmpeg's want a Content-Length rather than a chunked body.
        ctx.res().setContentLengthLong(packed.bytes().length);
        if (!ctx.method().name().equals("HEAD")) {
            ctx.res().getOutputStream().write(packed.bytes());
        }
    }

    private static void manifest(Context ctx, String mimeType, String body) {
        // Playlists name the current version of the book's files, and may carry a capability that expires: always revalidate.
        ctx.header("Cache-Control", "private, no-cache");
        ctx.contentType(mimeType);
        ctx.result(body);
    }
}
