package org.cyprus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.progress.BookPosition;
import org.cyprus.progress.DevicePosition;
import org.cyprus.progress.ListeningAction;
import org.cyprus.progress.ListeningEvent;
import org.cyprus.progress.ListeningRule;
import org.cyprus.progress.ListeningWrite;
import org.cyprus.progress.PlaybackState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listening tables on a real SQLite file: what a commit keeps, and how long the event log lasts. */
class JdbcListeningTest {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    @TempDir
    Path dir;

    private Database db;
    private JdbcListening store;

    /** A migrated database with one listener, user 1. */
    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("cyprus.db"));
        db.migrate();
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO users (username, password_hash, role, created_at, updated_at) VALUES ('ann', 'x', 'user', 0, 0)")) {
                return s.executeUpdate();
            }
        });
        store = new JdbcListening(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void loggedEventsOlderThanTheRetentionArePrunedAndNewerOnesKept() {
        long start = 1_000 * DAY_MS;
        store.commit(events(1, start, 3));
        store.commit(events(4, start + 30 * DAY_MS, 2));
        assertThat(loggedSeqs(db)).containsExactly(1L, 2L, 3L, 4L, 5L);

        store.commit(events(6, start + 91 * DAY_MS, 1));

        assertThat(loggedSeqs(db)).as("the first three are more than 90 days old").containsExactly(4L, 5L, 6L);
    }

    @Test
    void aBurstCommittedTogetherKeepsEachRowsLastWriteAndEveryLoggedEvent() {
        List<ListeningWrite> burst = new ArrayList<>(events(1, 5_000, 10));
        for (int i = 1; i <= 10; i++) {
            burst.add(new ListeningWrite.DevicePositionSaved(1, new DevicePosition("device", "book", i * 1000L, PlaybackState.PLAYING,
                    5_000 + i, 0, 1.0)));
            burst.add(new ListeningWrite.BookPositionSaved(1, new BookPosition("book", i * 1000L, i, "device", 5_000 + i, false,
                    Optional.empty(), 0)));
            burst.add(new ListeningWrite.VersionSaved(1, i));
        }
        burst.add(new ListeningWrite.BookDiscarded(1, "book"));
        burst.add(new ListeningWrite.DevicePositionSaved(1, new DevicePosition("device", "book", 42_000, PlaybackState.PAUSED,
                6_000, 0, 1.0)));

        assertThat(ListeningWrites.coalesced(burst)).as("ten logged events, each row's last write, the discard, the rewrite")
                .hasSize(10 + 3 + 1 + 1);
        store.commit(burst);

        assertThat(loggedSeqs(db)).hasSize(10);
        assertThat(single(db, "SELECT position_ms FROM device_positions")).as("rewritten after the discard").isEqualTo(42_000);
        assertThat(single(db, "SELECT count(*) FROM book_positions")).as("discarded after its last move").isZero();
        assertThat(single(db, "SELECT version FROM listening_versions")).isEqualTo(10);
    }

    @Test
    void aFailedCommitLeavesNothingBehindAndTheNextCommitWritesOnlyItsOwnRows() {
        List<ListeningWrite> failing = new ArrayList<>(events(1, 5_000, 3));
        failing.add(new ListeningWrite.DevicePositionSaved(1, new DevicePosition("device", "book", 9_000, PlaybackState.PLAYING,
                5_003, 0, 1.0)));
        failing.add(new ListeningWrite.VersionSaved(99, 1)); // no user 99: the foreign key fails the commit

        assertThatThrownBy(() -> store.commit(failing)).isInstanceOf(StoreException.class);
        List<ListeningWrite> next = new ArrayList<>(events(4, 6_000, 1));
        next.add(new ListeningWrite.VersionSaved(1, 4)); // through the statement that failed
        store.commit(next);

        assertThat(loggedSeqs(db)).as("only the second commit's event").containsExactly(4L);
        assertThat(single(db, "SELECT count(*) FROM device_positions")).isZero();
        assertThat(single(db, "SELECT count(*) FROM listening_versions")).isEqualTo(1);
        assertThat(single(db, "SELECT version FROM listening_versions WHERE user_id = 1")).isEqualTo(4);
    }

    private static long single(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<ListeningWrite> events(long firstSeq, long atMs, int count) {
        List<ListeningWrite> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ListeningEvent event = new ListeningEvent("book", ListeningAction.PROGRESS, 60_000L * i, firstSeq + i, 0, Optional.empty(), 1.0);
            writes.add(new ListeningWrite.EventLogged(1, "device", event, atMs + i, ListeningRule.Verdict.MOVED));
        }
        return writes;
    }

    private static List<Long> loggedSeqs(Database db) {
        return db.read(c -> {
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq FROM listening_events ORDER BY id"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
            return seqs;
        });
    }
}
