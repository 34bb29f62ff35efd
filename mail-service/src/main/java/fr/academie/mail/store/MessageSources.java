package fr.academie.mail.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Bytes kept in 256 KiB chunks: the original bytes of messages (table message_source), uploaded attachments of
 * drafts, copies waiting for the outbound relay. Written from a stream in the current transaction, read back one
 * chunk per query, so neither side holds a whole message in memory.
 */
@ApplicationScoped
public class MessageSources {

    static final int CHUNK = 256 * 1024;

    /** A table of chunks and the column naming what they belong to (whose row must exist, flushed). */
    public enum Table {
        MESSAGE("message_source", "message_id"),
        DRAFT_ATTACHMENT("draft_attachment_chunk", "attachment_id"),
        OUTBOUND("outbound_chunk", "outbound_id");

        private final String name;
        private final String key;

        Table(String name, String key) {
            this.name = name;
            this.key = key;
        }
    }

    private final AgroalDataSource dataSource;

    public MessageSources(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the bytes of a message whose row exists (flushed) in the current transaction. */
    public void write(UUID messageId, InputStream in) {
        write(Table.MESSAGE, messageId, in);
    }

    /** Stores bytes for the row of that table, returning how many there were. */
    public long write(Table table, UUID owner, InputStream in) {
        long[] total = new long[1];
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + table.name + " (" + table.key + ", seq, data) values (?, ?, ?)")) {
                byte[] chunk;
                int seq = 0;
                while ((chunk = in.readNBytes(CHUNK)).length > 0 || seq == 0) {
                    insert.setObject(1, owner);
                    insert.setInt(2, seq++);
                    insert.setBytes(3, chunk);
                    insert.executeUpdate();
                    total[0] += chunk.length;
                    if (chunk.length < CHUNK) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return total[0];
    }

    /** The message's bytes as a stream that fetches one chunk at a time (outside any transaction). */
    public InputStream open(UUID messageId) {
        return open(Table.MESSAGE, messageId);
    }

    public InputStream open(Table table, UUID owner) {
        return new ChunkStream(table, owner);
    }

    private final class ChunkStream extends InputStream {

        private final Table table;
        private final UUID owner;
        private int seq;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(Table table, UUID owner) {
            this.table = table;
            this.owner = owner;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunk[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, count);
            position += count;
            return count;
        }

        private boolean fill() throws IOException {
            while (!ended && position == chunk.length) {
                chunk = fetch(seq++);
                position = 0;
                ended = chunk == null;
            }
            return !ended;
        }

        private byte[] fetch(int index) throws IOException {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "select data from " + table.name + " where " + table.key + " = ? and seq = ?")) {
                select.setObject(1, owner);
                select.setInt(2, index);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IOException("Cannot read " + table.name + ": " + e.getMessage(), e);
            }
        }
    }
}
