package org.cyprus.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.library.Libraries;
import org.cyprus.library.Library;

/** Libraries and their roots in SQL. */
public final class JdbcLibraries implements Libraries {
    private final Database database;

    public JdbcLibraries(Database database) {
        this.database = database;
    }

    @Override
    public Library create(String name, List<Path> roots, long nowMs) {
        long id = database.write(c -> {
            long libraryId = Sql.returningLong(c, "INSERT INTO libraries (name, created_at) VALUES (?, ?) RETURNING id", name, nowMs);
            for (Path root : roots) {
                Sql.update(c, "INSERT INTO library_roots (library_id, path) VALUES (?, ?)", libraryId, root.toString());
            }
            return libraryId;
        });
        return byId(id).orElseThrow();
    }

    @Override
    public List<Library> all() {
        return database.read(c -> load(c, "", List.of()));
    }

    @Override
    public Optional<Library> byId(long id) {
        return database.read(c -> load(c, "WHERE l.id = ?", List.of(id))).stream().findFirst();
    }

    @Override
    public Optional<Library> byName(String name) {
        return database.read(c -> load(c, "WHERE l.name = ?", List.of(name))).stream().findFirst();
    }

    @Override
    public boolean delete(long id) {
        return database.write(c -> {
            Sql.update(c, "DELETE FROM book_search WHERE rowid IN (SELECT pk FROM books WHERE library_id = ?)", id);
            return Sql.update(c, "DELETE FROM libraries WHERE id = ?", id) > 0;
        });
    }

    private static List<Library> load(Connection c, String where, List<Object> params) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<Library.Root>> roots = new LinkedHashMap<>();
        for (Object[] row : Sql.query(c, "SELECT l.id, l.name, r.id, r.path FROM libraries l LEFT JOIN library_roots r ON r.library_id = l.id "
                + where + " ORDER BY l.name COLLATE NOCASE, r.id", rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3), rs.getString(4)},
                params.toArray())) {
            long libraryId = (Long) row[0];
            names.put(libraryId, (String) row[1]);
            List<Library.Root> list = roots.computeIfAbsent(libraryId, k -> new ArrayList<>());
            if (row[2] != null) {
                list.add(new Library.Root(((Number) row[2]).longValue(), Path.of((String) row[3])));
            }
        }
        List<Library> out = new ArrayList<>();
        names.forEach((libraryId, name) -> out.add(new Library(libraryId, name, roots.get(libraryId))));
        return out;
    }
}
