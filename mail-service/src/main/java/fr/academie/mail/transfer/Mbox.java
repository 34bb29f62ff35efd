package fr.academie.mail.transfer;

import fr.academie.mail.store.Spool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The mboxrd format (what Thunderbird, mutt and Gmail's takeout read): each message after a "From " line, lines
 * that begin with "From " (after any number of '>') quoted with one more '>', a blank line after each message.
 * Quoting is undone on reading, so a folder exported then imported gives back the very bytes it held (a message
 * is only ever changed by a newline added at its end when it had none).
 */
public final class Mbox {

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private Mbox() {
    }

    /** Writes one message: its "From " line, its quoted bytes, the blank line that ends it. */
    public static void write(OutputStream out, String sender, Instant date, InputStream source) throws IOException {
        String envelope = sender == null || sender.isBlank() || sender.contains(" ") ? "MAILER-DAEMON" : sender;
        out.write(("From " + envelope + " " + ASCTIME.format(date) + "\n").getBytes(StandardCharsets.US_ASCII));
        Lines lines = new Lines(source);
        byte[] line;
        byte last = '\n';
        while ((line = lines.next()) != null) {
            if (quoted(line, 0)) {
                out.write('>');
            }
            out.write(line);
            last = line[line.length - 1];
        }
        if (last != '\n') {
            out.write('\n');
        }
        out.write('\n');
    }

    /**
     * Reads the messages of an mbox file, one at a time, each given to {@code each} as a spool (closed after).
     *
     * @return how many messages there were
     * @throws NotMbox when the file does not start with a "From " line
     */
    public static int read(InputStream in, Consumer<Spool> each) throws IOException, NotMbox {
        Lines lines = new Lines(in);
        byte[] first = lines.next();
        while (first != null && isBlank(first)) {
            first = lines.next();
        }
        if (first == null) {
            return 0;
        }
        if (!startsWithFrom(first, 0)) {
            throw new NotMbox();
        }
        int count = 0;
        while (lines.pending != null || count == 0) {
            lines.pending = null;
            try (Spool message = Spool.written(out -> copyMessage(lines, out))) {
                each.accept(message);
            }
            count++;
        }
        return count;
    }

    /** Copies lines up to the next "From " line (kept as pending) or the end, unquoted, without the final blank line. */
    private static void copyMessage(Lines lines, OutputStream out) throws IOException {
        byte[] held = null;
        byte[] line;
        while ((line = lines.next()) != null) {
            if (startsWithFrom(line, 0) && held != null && isBlank(held)) {
                lines.pending = line;
                return; // the held blank line separated the messages
            }
            if (held != null) {
                out.write(held);
            }
            held = quoted(line, 1) ? java.util.Arrays.copyOfRange(line, 1, line.length) : line;
        }
        if (held != null && !isBlank(held)) {
            out.write(held);
        }
    }

    /** Whether the line, from {@code start}, is some '>' then "From " (a line to quote, or to unquote from 1). */
    private static boolean quoted(byte[] line, int minimumQuotes) {
        int i = 0;
        while (i < line.length && line[i] == '>') {
            i++;
        }
        return i >= minimumQuotes && startsWithFrom(line, i);
    }

    private static boolean startsWithFrom(byte[] line, int offset) {
        if (line.length - offset < FROM.length) {
            return false;
        }
        for (int i = 0; i < FROM.length; i++) {
            if (line[offset + i] != FROM[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] line) {
        return line.length == 1 && line[0] == '\n';
    }

    /** Lines of bytes, each with its '\n' (the last one may lack it). */
    private static final class Lines {

        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        byte[] pending;

        Lines(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            if (pending != null) {
                byte[] next = pending;
                pending = null;
                return next;
            }
            line.reset();
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return line.size() == 0 ? null : line.toByteArray();
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (position < limit) {
                    position++; // the '\n' belongs to the line
                    line.write(buffer, start, position - start);
                    return line.toByteArray();
                }
                line.write(buffer, start, position - start);
            }
        }
    }

    /** The file is not an mbox. */
    public static final class NotMbox extends Exception {
    }
}
