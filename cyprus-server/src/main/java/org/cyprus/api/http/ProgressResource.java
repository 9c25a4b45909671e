package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.auth.Principal;
import org.cyprus.progress.DeviceDirectory;
import org.cyprus.progress.Listening;
import org.cyprus.progress.ListeningEvent;
import org.cyprus.progress.ListeningRule;
import org.cyprus.progress.ListeningStats;
import org.cyprus.progress.SyncMessage;

/**
 * {@code /api/v1/me/progress}, {@code /me/stats}, {@code /me/sessions/listening} and remote control: listening
 * positions, history and statistics of the signed-in listener. Every book touched goes through the access policy.
 */
final class ProgressResource {
    private final Listening listening;
    private final ListeningStats stats;
    private final DeviceDirectory devices;

    ProgressResource(Listening listening, ListeningStats stats, DeviceDirectory devices) {
        this.listening = listening;
        this.stats = stats;
        this.devices = devices;
    }

    /** One event; a conflict answers 409 with where the book stands, which device moved it and when. */
    void put(Context ctx) {
        Principal p = RouteGuard.principal(ctx);
        ListeningEvent event = ctx.bodyAsClass(ListeningDtos.EventIn.class).toEvent(ctx.pathParam("bookId"));
        Listening.EventResult result = listening.record(p, List.of(event), false, Optional.empty()).getFirst();
        ListeningDtos.EventResultDto dto = ListeningDtos.EventResultDto.of(result, devices::name);
        if (result.verdict() == ListeningRule.Verdict.CONFLICT) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", Map.of("code", ErrorCode.CONFLICT.code(), "message", "Another device (" + dto.book().deviceName()
                    + ") moved this book after the version this device last saw; the book stays at " + dto.book().positionSec() + " s."));
            body.put("result", dto.result());
            body.put("book", dto.book());
            body.put("device", dto.device());
            ctx.status(409).json(body);
            return;
        }
        ctx.json(dto);
    }

    /** Events a device kept while offline, in order; conflicts are reported per event, not as a failure. */
    void batch(Context ctx) {
        Principal p = RouteGuard.principal(ctx);
        ListeningDtos.BatchIn batch = ctx.bodyAsClass(ListeningDtos.BatchIn.class);
        if (batch.events() == null) {
            throw ApiException.badRequest("The body holds an events array.");
        }
        if (batch.events().size() > Listening.MAX_BATCH_EVENTS) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "A batch may hold at most " + Listening.MAX_BATCH_EVENTS + " events; send the rest in another.");
        }
        List<ListeningEvent> events = batch.events().stream().map(e -> e.toEvent(null)).toList();
        List<Listening.EventResult> results = listening.record(p, events, true, Optional.ofNullable(batch.deviceNowMs()));
        Map<String, ListeningDtos.BookPositionDto> books = new LinkedHashMap<>();
        results.forEach(r -> books.put(r.bookId(), ListeningDtos.BookPositionDto.of(r.bookId(), r.book(), r.bookDeviceName())));
        int conflicts = (int) results.stream().filter(r -> r.verdict() == ListeningRule.Verdict.CONFLICT).count();
        ctx.json(new ListeningDtos.BatchResultDto(results.stream().map(r -> ListeningDtos.EventResultDto.of(r, devices::name)).toList(),
                List.copyOf(books.values()), listening.version(p.user().id()), conflicts));
    }

    void get(Context ctx) {
        Listening.BookView view = listening.view(RouteGuard.principal(ctx), ctx.pathParam("bookId"));
        ctx.json(new ListeningDtos.BookViewDto(ListeningDtos.BookPositionDto.of(view.bookId(), view.book(), view.bookDeviceName()),
                view.devices().stream().map(d -> ListeningDtos.DevicePositionDto.of(d, devices::name)).toList()));
    }

    /** The continue-listening shelf (most recent first, finished excluded), or with {@code ?finished=true} the finished books. */
    void list(Context ctx) {
        boolean finished = "true".equals(ctx.queryParam("finished"));
        ctx.json(listening.shelf(RouteGuard.principal(ctx), finished).stream()
                .map(b -> ListeningDtos.BookPositionDto.of(b.bookId(), Optional.of(b), devices.name(b.deviceId()))).toList());
    }

    void discard(Context ctx) {
        listening.discard(RouteGuard.principal(ctx), ctx.pathParam("bookId"));
        ctx.status(204);
    }

    void stats(Context ctx) {
        int days = QueryParams.integer(ctx, "days", 1, 366, 30);
        ctx.json(ListeningDtos.StatsDto.of(stats.stats(RouteGuard.principal(ctx), days)));
    }

    void sessions(Context ctx) {
        int limit = QueryParams.integer(ctx, "limit", 1, ListeningStats.MAX_SESSIONS, 50);
        Optional<String> book = QueryParams.text(ctx, "bookId", 64);
        long since = QueryParams.id(ctx, "since").orElse(0L);
        ctx.json(stats.sessions(RouteGuard.principal(ctx), since, book, limit).stream()
                .map(s -> ListeningDtos.SessionDto.of(s, devices::name)).toList());
    }

    /** Asks another of the listener's devices to pause, resume or seek; 404 when that device is not connected. */
    void control(Context ctx) {
        ControlIn body = ctx.bodyAsClass(ControlIn.class);
        SyncMessage.Command command = parseCommand(body.command());
        Optional<Long> positionMs = positionOf(command, body.positionSec());
        if (!listening.control(RouteGuard.principal(ctx), ctx.pathParam("id"), command, positionMs)) {
            throw ApiException.notFound("Your device " + ctx.pathParam("id") + " is not connected.");
        }
        ctx.status(202).json(Map.of("sent", true));
    }

    record ControlIn(String command, Double positionSec) {
    }

    static SyncMessage.Command parseCommand(String command) {
        for (SyncMessage.Command c : SyncMessage.Command.values()) {
            if (c.wireName().equals(command)) {
                return c;
            }
        }
        throw ApiException.badRequest("command must be pause, resume or seek.");
    }

    static Optional<Long> positionOf(SyncMessage.Command command, Double positionSec) {
        if (command != SyncMessage.Command.SEEK) {
            return Optional.empty();
        }
        if (positionSec == null || !Double.isFinite(positionSec) || positionSec < 0) {
            throw ApiException.badRequest("A seek needs positionSec, zero or more.");
        }
        return Optional.of(Math.round(positionSec * 1000));
    }
}
