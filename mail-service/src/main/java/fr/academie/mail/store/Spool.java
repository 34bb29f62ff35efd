package fr.academie.mail.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A message's bytes while it is delivered: read once from the network, then read again as often as needed
 * (parse, store). Kept in memory up to 1 MiB, in a temporary file beyond, deleted on close.
 */
public final class Spool implements AutoCloseable {

    static final int IN_MEMORY = 1 << 20;

    private final byte[] bytes;
    private final Path file;
    private final long size;

    private Spool(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /** Reads the stream to its end, refusing it past {@code maxBytes} (nothing is kept then). */
    public static Spool of(InputStream in, long maxBytes) throws TooLarge {
        try {
            int inMemory = (int) Math.min(IN_MEMORY, maxBytes);
            byte[] head = in.readNBytes(inMemory + 1);
            if (head.length <= inMemory) {
                return new Spool(head, null, head.length); // the whole message
            }
            if (head.length > maxBytes) {
                throw new TooLarge();
            }
            Path file = Files.createTempFile("message", ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head);
                long size = head.length + copy(in, out, maxBytes - head.length);
                return new Spool(null, file, size);
            } catch (TooLarge | IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Spool of(byte[] message) {
        return new Spool(message, null, message.length);
    }

    /** Something that writes a message (a composer, a copy). */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What the writer writes, kept in memory up to 1 MiB and in a temporary file beyond. */
    public static Spool written(Writer writer) {
        Spilling out = new Spilling();
        try (out) {
            writer.writeTo(out);
        } catch (IOException | RuntimeException e) {
            out.discard();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return out.file == null ? new Spool(out.memory.toByteArray(), null, out.size) : new Spool(null, out.file, out.size);
    }

    /** An output stream that moves from memory to a temporary file once it passes {@link #IN_MEMORY}. */
    private static final class Spilling extends OutputStream {

        private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private Path file;
        private OutputStream disk;
        private long size;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            if (disk == null && size + length > IN_MEMORY) {
                file = Files.createTempFile("message", ".eml");
                disk = new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
                memory.writeTo(disk);
            }
            (disk != null ? disk : memory).write(buffer, offset, length);
            size += length;
        }

        @Override
        public void close() throws IOException {
            if (disk != null) {
                disk.close();
            }
        }

        void discard() {
            try {
                close();
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // the original failure matters more than a temporary file left behind
            }
        }
    }

    private static long copy(InputStream in, OutputStream out, long allowed) throws IOException, TooLarge {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            copied += read;
            if (copied > allowed) {
                throw new TooLarge();
            }
            out.write(buffer, 0, read);
        }
        return copied;
    }

    public long size() {
        return size;
    }

    public InputStream open() {
        try {
            return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes, for small messages the caller builds itself (tests, notifications). */
    public byte[] readAll() {
        try (InputStream in = open(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The message is larger than allowed. */
    public static final class TooLarge extends Exception {
    }
}
