package fr.academie.iprof;

import fr.academie.stack.testing.StackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class DemoDataTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDemoDataFitsTheSchemaAndLoadsAgainWithoutChange() throws Exception {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/db/demo/demo-data.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // rolled back at the end: the other tests' records stay theirs
            connection.setAutoCommit(false);
            statement.execute(script);
            statement.execute(script);
            try (ResultSet counts = statement.executeQuery("select (select count(*) from career_event where agent_id ="
                    + " '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001'), (select count(*) from appraisal_evaluator)")) {
                counts.next();
                assertEquals(7, counts.getInt(1), "Léna's timeline, once");
                assertEquals(4, counts.getInt(2), "two evaluators for each of her two appraisals, once");
            } finally {
                connection.rollback();
            }
        }
    }
}
