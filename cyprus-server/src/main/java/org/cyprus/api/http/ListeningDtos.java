package org.cyprus.api.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.progress.BookPosition;
import org.cyprus.progress.Bookmark;
import org.cyprus.progress.DevicePosition;
import org.cyprus.progress.Listening;
import org.cyprus.progress.ListeningAction;
import org.cyprus.progress.ListeningEvent;
import org.cyprus.progress.ListeningSession;
import org.cyprus.progress.ListeningStats;
import org.cyprus.progress.ProgressException;
import java.util.function.Function;

/**
 * The JSON shapes of listening, shared by the HTTP API and the WebSocket. Book positions are seconds (decimals) on the
 * book's timeline; instants are epoch milliseconds on the server's clock. A position past the end of the book is
 * clamped to its end.
 */
public final class ListeningDtos {
    /** Slowest and fastest playback speed accepted. */
    static final double MIN_SPEED = 0.25;
    static final double MAX_SPEED = 8;

    private ListeningDtos() {
    }

    /** One event as a device sends it; {@code bookId} only in batches and on the WebSocket. */
    public record EventIn(String bookId, String action, Double positionSec, Long seq, Long baseVersion, Long deviceTimeMs, Double speed) {
        /** The domain event, or an invalid-request failure naming what is wrong. */
        public ListeningEvent toEvent(String pathBookId) {
            String book = pathBookId != null ? pathBookId : bookId;
            if (book == null || book.isBlank()) {
                throw invalid("Each event names its bookId.");
            }
            ListeningAction parsed = ListeningAction.parse(action).orElseThrow(() ->
                    invalid("action must be one of play, progress, pause, seek, finish, reset."));
            if (positionSec == null || !Double.isFinite(positionSec) || positionSec < 0) {
                throw invalid("positionSec must be a number of seconds, zero or more.");
            }
            if (seq == null || seq < 1) {
                throw invalid("seq must be the device's sequence number, 1 or more.");
            }
            if (baseVersion != null && baseVersion < 0) {
                throw invalid("baseVersion cannot be negative.");
            }
            double s = speed == null ? 1.0 : speed;
            if (!Double.isFinite(s) || s < MIN_SPEED || s > MAX_SPEED) {
                throw invalid("speed must be between " + MIN_SPEED + " and " + MAX_SPEED + ".");
            }
            long positionMs = Math.round(Math.min(positionSec, 1e12) * 1000);
            return new ListeningEvent(book, parsed, positionMs, seq, baseVersion == null ? 0 : baseVersion,
                    Optional.ofNullable(deviceTimeMs), s);
        }
    }

    /** Events a device stored while offline, in the order they happened; {@code deviceNowMs} is its clock when sending. */
    public record BatchIn(List<EventIn> events, Long deviceNowMs) {
    }

    public record BookmarkIn(String bookId, Double positionSec, String title, String note, Long deviceTimeMs) {
    }

    static ProgressException invalid(String message) {
        return new ProgressException(ProgressException.Kind.INVALID, message);
    }

    public record BookPositionDto(String bookId, double positionSec, long version, String deviceId, String deviceName,
                                  Long activityAt, boolean finished, Long finishedAt, int finishCount) {
        public static BookPositionDto of(String bookId, Optional<BookPosition> book, String deviceName) {
            return book.map(b -> new BookPositionDto(b.bookId(), seconds(b.positionMs()), b.version(), b.deviceId(), deviceName,
                            b.activityAtMs(), b.finished(), b.finishedAtMs().orElse(null), b.finishCount()))
                    .orElse(new BookPositionDto(bookId, 0, 0, null, null, null, false, null, 0));
        }
    }

    public record DevicePositionDto(String deviceId, String deviceName, double positionSec, String state, long lastListenedAt, double speed) {
        public static DevicePositionDto of(DevicePosition d, Function<String, String> names) {
            return new DevicePositionDto(d.deviceId(), names.apply(d.deviceId()), seconds(d.positionMs()), d.state().wireName(),
                    d.lastListenedAtMs(), d.speed());
        }
    }

    /** The answer to an event: what happened ({@code moved}, {@code device_only}, {@code earlier}, {@code conflict}, {@code duplicate}). */
    public record EventResultDto(String bookId, String result, BookPositionDto book, DevicePositionDto device) {
        public static EventResultDto of(Listening.EventResult r, Function<String, String> names) {
            return new EventResultDto(r.bookId(), r.verdict().name().toLowerCase(java.util.Locale.ROOT),
                    BookPositionDto.of(r.bookId(), r.book(), r.bookDeviceName()),
                    r.device().map(d -> DevicePositionDto.of(d, names)).orElse(null));
        }
    }

    public record BatchResultDto(List<EventResultDto> results, List<BookPositionDto> books, long version, int conflicts) {
    }

    public record BookViewDto(BookPositionDto book, List<DevicePositionDto> devices) {
    }

    public record BookmarkDto(String id, String bookId, double positionSec, String title, String note, long createdAt, long updatedAt,
                              boolean deleted, long version) {
        public static BookmarkDto of(Bookmark b) {
            return new BookmarkDto(b.id(), b.bookId(), seconds(b.positionMs()), b.title(), b.note().orElse(null), b.createdAtMs(),
                    b.updatedAtMs(), b.deleted(), b.version());
        }
    }

    public record SessionDto(String id, String deviceId, String deviceName, String bookId, double startPositionSec, double endPositionSec,
                             long startedAt, long endedAt, double listenedSec, double speed, boolean open) {
        static SessionDto of(ListeningSession s, Function<String, String> names) {
            return new SessionDto(s.id(), s.deviceId(), names.apply(s.deviceId()), s.bookId(), seconds(s.startPositionMs()),
                    seconds(s.endPositionMs()), s.startedAtMs(), s.endedAtMs(), seconds(s.listenedMs()), s.speed(), s.open());
        }
    }

    public record StatsDto(int days, double listenedSec, Map<String, Double> listenedSecByDay, Map<String, Double> listenedSecByBook,
                           int booksFinished, int streakDays) {
        static StatsDto of(ListeningStats.Stats s) {
            return new StatsDto(s.days(), seconds(s.listenedMs()), secondsMap(s.listenedMsByDay()), secondsMap(s.listenedMsByBook()),
                    s.booksFinished(), s.streakDays());
        }
    }

    private static Map<String, Double> secondsMap(Map<String, Long> ms) {
        Map<String, Double> out = new java.util.TreeMap<>();
        ms.forEach((k, v) -> out.put(k, seconds(v)));
        return out;
    }

    public static double seconds(long ms) {
        return ms / 1000.0;
    }
}
