package org.cyprus.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements kept from one transaction to the next, for a thread that commits the same few statements many
 * times a second (the listening commits, where preparing them anew took about a quarter of each commit). They belong
 * to the physical connection under the pool's proxy, which closes what is prepared through it when the connection
 * goes back; when the pool hands out another physical connection (after an error, or at its maximum lifetime) the
 * old statements are closed and prepared anew on the new one. For one thread at a time.
 */
final class StatementCache {
    private Connection physical;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /** {@code sql} prepared on {@code connection}'s physical connection, with no batch pending. */
    PreparedStatement get(Connection connection, String sql) throws SQLException {
        Connection p = connection.unwrap(Connection.class);
        if (p != physical) {
            clear();
            physical = p;
        }
        PreparedStatement s = statements.get(sql);
        if (s == null || s.isClosed()) {
            s = p.prepareStatement(sql);
            statements.put(sql, s);
        } else {
            s.clearBatch();
            s.clearParameters();
        }
        return s;
    }

    /** Closes every statement kept. */
    void clear() {
        for (PreparedStatement s : statements.values()) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // its connection is gone already
            }
        }
        statements.clear();
        physical = null;
    }
}
