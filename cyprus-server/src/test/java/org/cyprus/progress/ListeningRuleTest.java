package org.cyprus.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ordering and conflict rule, with simulated devices over an in-memory book: the listening scenarios at unit level. */
class ListeningRuleTest {
    private static final long HOUR = 3_600_000;
    private static final long DURATION = 10 * HOUR;

    /** One listener's book and devices, driven through the rule and the session tracker as the pipeline does. */
    private static final class Book {
        Optional<BookPosition> position = Optional.empty();
        final Map<String, DevicePosition> devices = new HashMap<>();
        final Map<String, Long> seqs = new HashMap<>();
        final Map<String, ListeningSession> open = new HashMap<>();
        final List<ListeningSession> sessions = new ArrayList<>();
        long version;

        ListeningRule.Verdict send(String device, ListeningAction action, long positionMs, long atMs) {
            return send(device, action, positionMs, atMs, position.map(BookPosition::version).orElse(0L));
        }

        ListeningRule.Verdict send(String device, ListeningAction action, long positionMs, long atMs, long baseVersion) {
            long seq = seqs.merge(device, 1L, Long::sum);
            ListeningEvent e = new ListeningEvent("b", action, positionMs, seq, baseVersion, Optional.empty(), 1.0);
            Optional<DevicePosition> before = Optional.ofNullable(devices.get(device));
            ListeningRule.Outcome o = ListeningRule.apply(position, before, device, e, atMs, DURATION, version + 1);
            for (ListeningSession s : SessionTracker.apply(Optional.ofNullable(open.get(device)), before, device, e,
                    o.device().positionMs(), atMs, () -> "s" + sessions.size())) {
                sessions.removeIf(x -> x.id().equals(s.id()));
                sessions.add(s);
                if (s.open()) {
                    open.put(device, s);
                } else {
                    open.remove(device);
                }
            }
            devices.put(device, o.device());
            if (o.verdict() == ListeningRule.Verdict.MOVED) {
                position = o.book();
                version = position.get().version();
            }
            return o.verdict();
        }

        long listenedMs() {
            return sessions.stream().mapToLong(ListeningSession::listenedMs).sum();
        }

        /** Plays from {@code fromMs} to {@code toMs} in one-minute ticks, starting at {@code atMs}; returns the end time. */
        long listen(String device, long fromMs, long toMs, long atMs) {
            send(device, ListeningAction.PLAY, fromMs, atMs);
            long t = atMs;
            for (long p = fromMs + 60_000; p <= toMs; p += 60_000) {
                t += 60_000;
                send(device, ListeningAction.PROGRESS, p, t);
            }
            send(device, ListeningAction.PAUSE, toMs, t);
            return t;
        }

        long at() {
            return position.orElseThrow().positionMs();
        }
    }

    @Test
    void aFreshInstallSendingZeroLeavesTheBookWhereItIs() {
        Book book = new Book();
        book.listen("desktop", 0, 3 * HOUR, 0);

        assertThat(book.send("fresh", ListeningAction.PROGRESS, 0, 4 * HOUR, 0)).isEqualTo(ListeningRule.Verdict.DEVICE_ONLY);
        assertThat(book.send("fresh", ListeningAction.PLAY, 0, 4 * HOUR + 1, 0)).isEqualTo(ListeningRule.Verdict.DEVICE_ONLY);
        assertThat(book.at()).isEqualTo(3 * HOUR);
    }

    @Test
    void offlineListeningLaterThanEverythingElseMovesTheBook() {
        Book book = new Book();
        long t = book.listen("desktop", 0, HOUR, 0);
        book.listen("phone", HOUR, 2 * HOUR, t + 1000);

        assertThat(book.at()).isEqualTo(2 * HOUR);
        assertThat(book.position.get().deviceId()).isEqualTo("phone");
    }

    @Test
    void offlineListeningBeforeTheDesktopListenedFurtherDoesNotMoveTheBookButCounts() {
        Book book = new Book();
        long t = book.listen("desktop", 0, HOUR, 0);
        long seen = book.version;
        // The desktop listens on from 1:00 to 1:30 later on; the phone's offline hour happened before that.
        book.listen("desktop", HOUR, HOUR + HOUR / 2, t + 2 * HOUR);
        long phoneStart = t + 1000;
        book.send("phone", ListeningAction.PLAY, HOUR, phoneStart, seen);
        ListeningRule.Verdict v = book.send("phone", ListeningAction.PROGRESS, HOUR + 60_000, phoneStart + 60_000, seen);

        assertThat(v).isEqualTo(ListeningRule.Verdict.EARLIER);
        assertThat(book.at()).isEqualTo(HOUR + HOUR / 2);
        assertThat(book.sessions.stream().filter(s -> s.deviceId().equals("phone")).mapToLong(ListeningSession::listenedMs).sum())
                .isEqualTo(60_000);
    }

    @Test
    void aStaleVersionFromAnotherDevicesMoveIsAConflict() {
        Book book = new Book();
        book.listen("desktop", 0, HOUR, 0);
        long seen = book.version;
        book.listen("phone", HOUR, 2 * HOUR, 2 * HOUR);

        book.send("desktop", ListeningAction.PLAY, HOUR, 4 * HOUR, seen);
        assertThat(book.send("desktop", ListeningAction.PROGRESS, HOUR + 60_000, 4 * HOUR + 60_000, seen))
                .isEqualTo(ListeningRule.Verdict.CONFLICT);
        assertThat(book.at()).isEqualTo(2 * HOUR);
        // Having seen the newer version (the conflict told it), a deliberate seek back is the listener's choice.
        assertThat(book.send("desktop", ListeningAction.SEEK, HOUR, 4 * HOUR + 70_000)).isEqualTo(ListeningRule.Verdict.MOVED);
        assertThat(book.at()).isEqualTo(HOUR);
    }

    @Test
    void twoDevicesPlayingAtOnceTheMostRecentLeads() {
        Book book = new Book();
        book.send("a", ListeningAction.PLAY, HOUR, 0);
        book.send("b", ListeningAction.PLAY, 2 * HOUR, 0);
        book.send("a", ListeningAction.PROGRESS, HOUR + 5000, 5000);
        assertThat(book.at()).isEqualTo(HOUR + 5000);
        book.send("b", ListeningAction.PROGRESS, 2 * HOUR + 5000, 6000);
        assertThat(book.at()).isEqualTo(2 * HOUR + 5000);
        assertThat(book.devices.get("a").positionMs()).isEqualTo(HOUR + 5000);
        assertThat(book.devices.get("b").positionMs()).isEqualTo(2 * HOUR + 5000);
    }

    @Test
    void aFinishedBookPlayedAgainKeepsItsFinishedRecord() {
        Book book = new Book();
        book.listen("a", DURATION - 5 * 60_000, DURATION - 5000, 0);
        assertThat(book.position.get().finished()).as("under 10 s left").isTrue();
        long finishedAt = book.position.get().finishedAtMs().orElseThrow();

        book.listen("a", 0, 5 * 60_000, HOUR);

        assertThat(book.position.get().finished()).isFalse();
        assertThat(book.position.get().finishedAtMs()).contains(finishedAt);
        assertThat(book.position.get().finishCount()).isEqualTo(1);
        book.send("a", ListeningAction.FINISH, 0, 2 * HOUR);
        assertThat(book.position.get().finishCount()).isEqualTo(2);
        assertThat(book.at()).isEqualTo(DURATION);
    }

    @Test
    void aPauseFollowedByALateZeroDoesNotResetTheBook() {
        Book book = new Book();
        book.listen("a", 0, 3 * HOUR, 0);
        assertThat(book.send("a", ListeningAction.PROGRESS, 0, 4 * HOUR)).isEqualTo(ListeningRule.Verdict.DEVICE_ONLY);
        assertThat(book.send("a", ListeningAction.PAUSE, 0, 4 * HOUR + 1)).isEqualTo(ListeningRule.Verdict.DEVICE_ONLY);
        assertThat(book.at()).isEqualTo(3 * HOUR);
    }

    @Test
    void aJumpBackwardsWhilePlayingIsNotListening() {
        Book book = new Book();
        book.send("a", ListeningAction.PLAY, HOUR, 0);
        book.send("a", ListeningAction.PROGRESS, HOUR + 60_000, 60_000);
        assertThat(book.send("a", ListeningAction.PROGRESS, 1000, 61_000)).isEqualTo(ListeningRule.Verdict.DEVICE_ONLY);
        assertThat(book.at()).isEqualTo(HOUR + 60_000);
    }

    @Test
    void resetStartsOverAndKeepsTheFinishRecord() {
        Book book = new Book();
        book.send("a", ListeningAction.FINISH, 0, 0);
        assertThat(book.send("a", ListeningAction.RESET, 5000, 1000)).isEqualTo(ListeningRule.Verdict.MOVED);
        assertThat(book.at()).isZero();
        assertThat(book.position.get().finished()).isFalse();
        assertThat(book.position.get().finishCount()).isEqualTo(1);
    }

    @Test
    void sessionsCountBookTimeDividedBySpeed() {
        ListeningEvent play = new ListeningEvent("b", ListeningAction.PLAY, 0, 1, 0, Optional.empty(), 2.0);
        DevicePosition playing = new DevicePosition("a", "b", 0, PlaybackState.PLAYING, 0, 0, 2.0);
        List<ListeningSession> opened = SessionTracker.apply(Optional.empty(), Optional.empty(), "a", play, 0, 0, () -> "s");
        ListeningEvent tick = new ListeningEvent("b", ListeningAction.PROGRESS, 120_000, 2, 0, Optional.empty(), 2.0);
        List<ListeningSession> after = SessionTracker.apply(Optional.of(opened.getFirst()), Optional.of(playing), "a", tick, 120_000, 60_000, () -> "t");

        assertThat(after).singleElement().satisfies(s -> {
            assertThat(s.listenedMs()).isEqualTo(60_000);
            assertThat(s.endPositionMs()).isEqualTo(120_000);
        });
    }

    @Test
    void offlineTimesAreMappedThroughTheOffsetAndClamped() {
        // A device 10 minutes fast: offset -10 min maps its times back.
        assertThat(ClockMapping.place(1_600_000, -600_000, 0, 2_000_000, Long.MIN_VALUE)).isEqualTo(1_000_000);
        assertThat(ClockMapping.place(100, 0, 5_000, 9_000, Long.MIN_VALUE)).as("not before last contact").isEqualTo(5_000);
        assertThat(ClockMapping.place(99_000, 0, 5_000, 9_000, Long.MIN_VALUE)).as("not in the future").isEqualTo(9_000);
        assertThat(ClockMapping.place(6_000, 0, 5_000, 9_000, 7_000)).as("in batch order").isEqualTo(7_000);
    }

    @Test
    void bookmarksMergePerBookmarkAndKeepTombstones() {
        Bookmark stored = new Bookmark("x", "b", 1000, "Old", Optional.empty(), 0, 100, false, 1);
        Bookmark olderEdit = new Bookmark("x", "b", 2000, "Older", Optional.empty(), 0, 50, false, 2);
        Bookmark deletion = new Bookmark("x", "b", 1000, "Old", Optional.empty(), 0, 200, true, 3);

        assertThat(BookmarkMerge.merge(Optional.of(stored), olderEdit)).isEmpty();
        assertThat(BookmarkMerge.merge(Optional.of(stored), deletion)).hasValueSatisfying(b -> assertThat(b.deleted()).isTrue());
        assertThat(BookmarkMerge.merge(Optional.of(stored), stored)).as("a replay changes nothing").isEmpty();
    }
}
