package org.cyprus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private static String pragma(Database db, String name) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static long countUsers(Database db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void insertUser(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO users (username, password_hash, role, created_at, updated_at) VALUES (?, 'x', 'user', 0, 0)")) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }

    @Test
    void migratesAFreshFileOnceAndIsReadyAfterwards() {
        Path file = dir.resolve("nested/folder/cyprus.db");
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            assertThat(db.ready()).isFalse();
            assertThat(db.migrate()).isPositive();
            assertThat(db.ready()).isTrue();
            assertThat(Files.isRegularFile(file)).isTrue();
        }
        try (Database again = Database.open("jdbc:sqlite:" + file)) {
            assertThat(again.migrate()).isZero();
        }
    }

    @Test
    void connectionsUseWalForeignKeysAndABusyTimeout() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("c.db"))) {
            db.migrate();
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(db, "busy_timeout"))).isGreaterThanOrEqualTo(5_000);
            int writerForeignKeys = db.write(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(writerForeignKeys).isEqualTo(1);
        }
    }

    @Test
    void durableWritesSyncEveryCommitAndOtherWritesDoNotHoweverTheyAlternate() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("s.db"))) {
            db.migrate();
            SqlWork<Integer> synchronous = c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    return rs.getInt(1);
                }
            };
            int full = 2;
            int normal = 1;
            assertThat(db.write(synchronous)).isEqualTo(normal);
            assertThat(db.writeDurably(synchronous)).isEqualTo(full);
            assertThat(db.writeDurably(synchronous)).as("a second durable write in a row").isEqualTo(full);
            assertThat(db.write(synchronous)).isEqualTo(normal);
            assertThat(db.write(synchronous)).isEqualTo(normal);
            assertThat(db.writeDurably(synchronous)).isEqualTo(full);
        }
    }

    @Test
    void theWriterNeverCheckpointsTheWalAndABackgroundCheckpointMovesItIntoTheDatabaseSoon() throws Exception {
        Path file = dir.resolve("w.db");
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            db.migrate();
            int writerAutoCheckpoint = db.write(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_autocheckpoint")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(writerAutoCheckpoint).isZero();
            long before = Files.size(file);
            // About 3,000 pages: three times what would make the writer checkpoint by SQLite's default.
            for (int batch = 0; batch < 30; batch++) {
                int b = batch;
                db.writeDurably(c -> {
                    for (int i = 0; i < 400; i++) {
                        insertUser(c, "user-" + b + "-" + i + "-" + "x".repeat(200));
                    }
                    return null;
                });
            }
            assertThat(countUsers(db)).isEqualTo(12_000);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (Files.size(file) < before + 3_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.size(file)).as("the database file once checkpointed").isGreaterThan(before + 3_000_000);
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
            db.migrate();
            db.write(c -> {
                insertUser(c, "kept");
                return null;
            });

            assertThatThrownBy(() -> db.write(c -> {
                insertUser(c, "first half");
                insertUser(c, "KEPT"); // the username is unique, case-insensitively: the second insert fails
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("UNIQUE");

            assertThat(countUsers(db)).isEqualTo(1);
        }
    }

    @Test
    void anUnusableFolderIsReportedClearly() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + blocker.resolve("cyprus.db")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot create the database folder " + blocker);
    }

    @Test
    void aFreshFileSurvivesConnectionsOpeningAllAtOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("race-" + round + ".db"));
                 var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var migration = threads.submit(db::migrate);
                var readers = java.util.stream.IntStream.range(0, 6)
                        .mapToObj(i -> threads.submit(() -> db.read(c -> c.isValid(1)))).toList();
                assertThat(migration.get()).isPositive();
                for (var reader : readers) {
                    assertThat(reader.get()).isTrue();
                }
            }
        }
    }

    @Test
    void notReadyOnceClosed() {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("r.db"));
        db.migrate();
        db.close();

        assertThat(db.ready()).isFalse();
    }
}
