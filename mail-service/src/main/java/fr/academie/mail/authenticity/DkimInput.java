package fr.academie.mail.authenticity;

import org.apache.james.jdkim.api.Headers;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A received message as DKIM reads it: its header fields (each one's raw text with its folding, without the final
 * CRLF, in the charset jDKIM encodes them back with) and the body that follows, line ends made CRLF as jDKIM's own
 * reader makes them. Read straight from the bytes: jDKIM's reader builds the whole message with mime4j's DOM (a copy
 * of every body, a class-path service lookup per message), and mime4j's line-end conversion reads a byte per call:
 * together more than half of the MX's processor, measured.
 */
final class DkimInput implements Headers {

    private final List<String> fields;
    private final InputStream body;

    private DkimInput(List<String> fields, InputStream body) {
        this.fields = fields;
        this.body = body;
    }

    /** Reads the header; the body is what remains of the stream (closing it closes the message's). */
    static DkimInput of(InputStream message) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new Crlf(message));
        List<String> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        for (byte[] line = line(in); line.length > 0 && !blank(line); line = line(in)) {
            if (line[0] != ' ' && line[0] != '\t' && field.size() > 0) {
                fields.add(text(field));
                field.reset();
            }
            field.write(line);
        }
        if (field.size() > 0) {
            fields.add(text(field));
        }
        return new DkimInput(fields.stream().filter(f -> f.indexOf(':') > 0).toList(), in);
    }

    InputStream body() {
        return body;
    }

    @Override
    public List<String> getFields() {
        return fields;
    }

    @Override
    public List<String> getFields(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> f.substring(0, f.indexOf(':')).strip().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
    }

    /** One line with its CRLF (the last one may lack it); empty at the end of the stream. */
    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    private static boolean blank(byte[] line) {
        return line.length == 2 && line[0] == '\r' && line[1] == '\n';
    }

    /** The field without its final CRLF. */
    private static String text(ByteArrayOutputStream field) {
        byte[] bytes = field.toByteArray();
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return new String(bytes, 0, end, Charset.defaultCharset());
    }

    /**
     * The bytes with every bare CR or LF made CRLF, as mime4j's EOLConvertingInputStream does, a buffer at a time: a
     * CR is written as CRLF at once, and the LF that may follow it (in this buffer or the next) is then skipped.
     */
    static final class Crlf extends InputStream {

        private final InputStream in;
        private final byte[] raw = new byte[8192];
        private final byte[] converted = new byte[2 * 8192];
        private int position;
        private int limit;
        private boolean afterCr;

        Crlf(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return fill() ? converted[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, limit - position);
            System.arraycopy(converted, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private boolean fill() throws IOException {
            while (position == limit) {
                int read = in.read(raw);
                if (read == -1) {
                    return false;
                }
                position = 0;
                limit = 0;
                for (int i = 0; i < read; i++) {
                    byte b = raw[i];
                    if (b == '\r') {
                        converted[limit++] = '\r';
                        converted[limit++] = '\n';
                    } else if (b != '\n') {
                        converted[limit++] = b;
                    } else if (!afterCr) {
                        converted[limit++] = '\r';
                        converted[limit++] = '\n';
                    }
                    afterCr = b == '\r';
                }
            }
            return true;
        }
    }
}
