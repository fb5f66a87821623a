package app.backbone.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurviveARestartInTheSameDirectory() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, 0)) {
            postgres.createDatabase("catalog");
            postgres.createDatabase("catalog");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("catalog"), EmbeddedPostgres.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (value text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, 0);
             Connection c = DriverManager.getConnection(postgres.jdbcUrl("catalog"), EmbeddedPostgres.USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM kept")) {
            rs.next();
            assertEquals("still here", rs.getString(1));
        }
    }
}
