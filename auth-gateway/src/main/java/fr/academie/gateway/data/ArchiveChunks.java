package fr.academie.gateway.data;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.UUID;

/**
 * An archive kept in the gateway's database, a mebibyte per row, each row written and read in a transaction of its
 * own: an archive of any size passes through the gateway without being held in its memory.
 */
final class ArchiveChunks extends OutputStream {

    static final int CHUNK = 1 << 20;

    private final UUID requestId;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;
    private int seq;
    private long size;

    ArchiveChunks(UUID requestId) {
        this.requestId = requestId;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int taken = Math.min(length, CHUNK - filled);
            System.arraycopy(bytes, offset, buffer, filled, taken);
            filled += taken;
            offset += taken;
            length -= taken;
            if (filled == CHUNK) {
                store();
            }
        }
    }

    /** Stores what is left; how many bytes the archive holds. */
    long finish() {
        if (filled > 0) {
            store();
        }
        return size;
    }

    private void store() {
        byte[] bytes = Arrays.copyOf(buffer, filled);
        int number = seq++;
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("insert into data_archive_chunk (request_id, seq, bytes) values (?1, ?2, ?3)")
                .setParameter(1, requestId).setParameter(2, number).setParameter(3, bytes).executeUpdate());
        size += filled;
        filled = 0;
    }

    /** Writes the stored archive to {@code out}, a chunk at a time. */
    static void copy(UUID requestId, OutputStream out) throws IOException {
        for (int number = 0; ; number++) {
            int seq = number;
            byte[] bytes = QuarkusTransaction.requiringNew().call(() -> (byte[]) Panache.getEntityManager()
                    .createNativeQuery("select bytes from data_archive_chunk where request_id = ?1 and seq = ?2")
                    .setParameter(1, requestId).setParameter(2, seq).getResultStream().findFirst().orElse(null));
            if (bytes == null) {
                return;
            }
            out.write(bytes);
        }
    }

    /** Forgets the archive (downloaded, expired or failed); the request stays, as the record of it. */
    static void delete(UUID requestId) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from data_archive_chunk where request_id = ?1")
                .setParameter(1, requestId).executeUpdate());
    }
}
