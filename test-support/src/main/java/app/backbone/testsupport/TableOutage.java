package app.backbone.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Takes one table of the service's database away (renames it) until closed, so that every write to it fails as it
 * would while the database cannot store anything; closing puts it back.
 */
public final class TableOutage implements AutoCloseable {

    private final DataSource dataSource;
    private final String table;

    private TableOutage(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** Renames {@code table} to {@code table_away}. */
    public static TableOutage of(DataSource dataSource, String table) throws SQLException {
        TableOutage outage = new TableOutage(dataSource, table);
        outage.execute("ALTER TABLE " + table + " RENAME TO " + table + "_away");
        return outage;
    }

    @Override
    public void close() throws SQLException {
        execute("ALTER TABLE " + table + "_away RENAME TO " + table);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
