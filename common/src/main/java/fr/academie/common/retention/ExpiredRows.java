package fr.academie.common.retention;

import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes the rows whose retention has run out, in batches of {@link #BATCH}, each batch a transaction of its own
 * (an autocommit statement), so that a long backlog never holds a lock or a transaction for long; a run stops after
 * {@link #ROUNDS} batches of a kind and the next run goes on. Rows that reference a deleted one go with it where the
 * schema says {@code on delete cascade}. Logs one line per kind that lost rows, with the count only.
 */
public final class ExpiredRows {

    private static final Logger LOG = Logger.getLogger(ExpiredRows.class);
    static final int BATCH = 500;
    static final int ROUNDS = 200;

    private final DataSource dataSource;

    public ExpiredRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes what has expired at {@code now}; how many rows of each kind, in the order of the list. */
    public Map<String, Integer> delete(List<Retention> retentions, Instant now) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Retention retention : retentions) {
            int deleted = delete(retention, now);
            counts.put(retention.kind(), deleted);
            if (deleted > 0) {
                LOG.infof("Retention: %d %s deleted (kept %s)", deleted, retention.kind(), retention.kept());
            }
        }
        return counts;
    }

    private int delete(Retention retention, Instant now) {
        // ctid (the row's place) lets one statement serve every table, whatever its key
        String sql = "delete from " + retention.table() + " where ctid = any (array (select ctid from "
                + retention.table() + " where " + retention.column() + " < ? and (" + retention.where() + ") limit ?))";
        OffsetDateTime cutoff = retention.cutoff(now).atOffset(ZoneOffset.UTC);
        int deleted = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            for (int round = 0, batch = BATCH; round < ROUNDS && batch == BATCH; round++) {
                delete.setObject(1, cutoff);
                delete.setInt(2, BATCH);
                batch = delete.executeUpdate();
                deleted += batch;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Retention of " + retention.kind() + " failed after " + deleted
                    + " rows: " + e.getMessage(), e);
        }
        return deleted;
    }
}
