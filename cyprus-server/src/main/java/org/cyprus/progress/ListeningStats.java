package org.cyprus.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cyprus.auth.Principal;

/** Listening history and statistics derived from listening sessions: time per day and per book, books finished, streak. */
public final class ListeningStats {
    /** Most sessions one history page returns. */
    public static final int MAX_SESSIONS = 500;

    private final ListeningStore store;
    private final Listening listening;
    private final ListeningBooks books;
    private final Clock clock;

    public ListeningStats(ListeningStore store, Listening listening, ListeningBooks books, Clock clock) {
        this.store = store;
        this.listening = listening;
        this.books = books;
        this.clock = clock;
    }

    /** Statistics over the last {@code days} days (UTC days), streak counted back from today. */
    public record Stats(int days, long listenedMs, Map<String, Long> listenedMsByDay, Map<String, Long> listenedMsByBook,
                        int booksFinished, int streakDays) {
    }

    public Stats stats(Principal principal, int days) {
        long nowMs = clock.millis();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long sinceMs = today.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<ListeningSession> sessions = sessions(principal, sinceMs, Optional.empty(), Integer.MAX_VALUE);
        Map<String, Long> byDay = new TreeMap<>();
        Map<String, Long> byBook = new TreeMap<>();
        long total = 0;
        for (ListeningSession s : sessions) {
            if (s.listenedMs() <= 0 || s.endedAtMs() > nowMs + 60_000) {
                continue;
            }
            String day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(s.endedAtMs()), ZoneOffset.UTC).toString();
            byDay.merge(day, s.listenedMs(), Long::sum);
            byBook.merge(s.bookId(), s.listenedMs(), Long::sum);
            total += s.listenedMs();
        }
        int streak = 0;
        for (LocalDate d = today; byDay.containsKey(d.toString()); d = d.minusDays(1)) {
            streak++;
        }
        if (streak == 0) {
            // A streak is not broken until today is over: count back from yesterday.
            for (LocalDate d = today.minusDays(1); byDay.containsKey(d.toString()); d = d.minusDays(1)) {
                streak++;
            }
        }
        int finished = (int) listening.shelf(principal, true).stream().filter(b -> b.finishedAtMs().orElse(0L) >= sinceMs).count();
        return new Stats(days, total, byDay, byBook, finished, streak);
    }

    /** Listening sessions ended since {@code sinceMs}, newest first, in books the principal may read. */
    public List<ListeningSession> sessions(Principal principal, long sinceMs, Optional<String> bookId, int limit) {
        bookId.ifPresent(id -> books.readable(principal, id));
        return store.sessions(principal.user().id(), sinceMs, bookId, limit).stream()
                .filter(s -> books.isReadable(principal, s.bookId())).toList();
    }
}
