package org.cyprus.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.cyprus.system.SetupState;

/** Setup is required while no active administrator exists. */
public final class JdbcSetupState implements SetupState {
    private final Database database;

    public JdbcSetupState(Database database) {
        this.database = database;
    }

    @Override
    public boolean setupRequired() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin')");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return !rs.getBoolean(1);
            }
        });
    }
}
