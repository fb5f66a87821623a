package app.backbone.logging.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** An erasure deletes from every table that holds a member id: a new one must be added to the list. */
@QuarkusTest
class MemberTablesTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyTableWithAMemberIdIsErased() throws SQLException {
        Set<String> withMemberId = new TreeSet<>();
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT table_name FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND column_name = 'member_id'")) {
            while (rs.next()) {
                withMemberId.add(rs.getString(1));
            }
        }
        assertEquals(withMemberId, new TreeSet<>(MemberErasures.MEMBER_TABLES));
    }
}
