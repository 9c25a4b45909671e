package org.cyprus.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain JDBC with less ceremony: bind parameters, run, map rows. Nulls and {@link Optional}s bind as SQL NULL. */
final class Sql {
    private Sql() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = query(c, sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Runs an {@code INSERT … RETURNING} (or any statement returning one long) and returns that value. */
    static long returningLong(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), params).orElseThrow(() -> new SQLException("no row returned: " + sql));
    }

    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Optional<?> optional) {
                p = optional.orElse(null);
            }
            switch (p) {
                case null -> s.setNull(i + 1, Types.NULL);
                case String v -> s.setString(i + 1, v);
                case Long v -> s.setLong(i + 1, v);
                case Integer v -> s.setInt(i + 1, v);
                case Boolean v -> s.setInt(i + 1, v ? 1 : 0);
                case Double v -> s.setDouble(i + 1, v);
                case byte[] v -> s.setBytes(i + 1, v);
                default -> throw new SQLException("cannot bind " + p.getClass().getName());
            }
        }
    }

    /** A nullable long column. */
    static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    /** {@code ?, ?, ?} for {@code n} parameters. */
    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
