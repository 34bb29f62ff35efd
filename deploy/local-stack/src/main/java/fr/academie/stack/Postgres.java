package fr.academie.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** Embedded PostgreSQL (zonky: real binaries from Maven Central) with one database and one role per service. */
public final class Postgres implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
    /**
     * Server settings added for a measure, as {@code name=value} pairs separated by blanks (e.g. a benchmark's
     * {@code shared_preload_libraries=pg_stat_statements}); none by default.
     */
    public static final String OPTIONS = "portail.postgres-options";

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private Postgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts on the port, keeping (or creating) the cluster in the data directory; listens on loopback only
     * and writes its own output to the log file.
     */
    public static Postgres start(int port, Path dataDirectory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost");
            for (String setting : System.getProperty(OPTIONS, "").trim().split("\\s+")) {
                if (setting.contains("=")) {
                    builder.setServerConfig(setting.substring(0, setting.indexOf('=')),
                            setting.substring(setting.indexOf('=') + 1));
                }
            }
            return new Postgres(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Completes when the server process ends, however it ends; its id is read from the cluster's
     * {@code postmaster.pid}, as {@code pg_ctl} reads it (the embedded server does not hand out its process).
     */
    public CompletableFuture<Void> onExit() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).map(process -> process.onExit().<Void>thenApply(ended -> null))
                    .orElse(CompletableFuture.completedFuture(null));
        } catch (IOException | RuntimeException e) {
            throw new StackException("Cannot find PostgreSQL's process: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the role and the database it owns, once; the role has the database's name. */
    public void ensureDatabase(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a database name: " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", name)) {
                statement.execute("create role " + name + " login");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
                statement.execute("create database " + name + " owner " + name);
            }
        } catch (SQLException e) {
            throw new StackException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
