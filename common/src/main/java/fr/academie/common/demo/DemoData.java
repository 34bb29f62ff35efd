package fr.academie.common.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads the service's demo data ({@code db/demo/demo-data.sql}, idempotent) after the Flyway migrations,
 * when the local stack starts the service with {@code portail.demo-data=true}. Never on by default: a
 * production database never sees demo rows.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String SCRIPT = "db/demo/demo-data.sql";

    void load(@Observes StartupEvent start, @ConfigProperty(name = "portail.demo-data", defaultValue = "false") boolean enabled,
              Instance<DataSource> dataSource) {
        if (!enabled || !dataSource.isResolvable()) {
            return;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                return;
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try (Connection connection = dataSource.get().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(script);
            }
            LOG.info("Demo data loaded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data could not be loaded: " + e.getMessage(), e);
        }
    }
}
