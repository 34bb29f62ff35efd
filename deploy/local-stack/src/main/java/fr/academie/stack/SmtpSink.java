package fr.academie.stack;

import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the académie's outbound SMTP relay on loopback: accepts every message, keeps the last ones in
 * memory for the tests and, when given a directory, writes each as an {@code .eml} file a person can open. It can
 * be told to refuse (a relay down or a recipient unknown), to try the mailbox's retries and bounces.
 */
public final class SmtpSink implements AutoCloseable {

    private static final int KEPT = 1000;

    /** One message as the relay received it: the envelope and the bytes of its DATA. */
    public record Received(String from, String recipient, byte[] data, Instant at) {

        public String text() {
            return new String(data, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The six-digit code the message gives on a line of its own (a confirmation or recovery code). */
        public String code() {
            Matcher code = CODE_LINE.matcher(text());
            if (!code.find()) {
                throw new AssertionError("no six-digit code in: " + text());
            }
            return code.group(1);
        }
    }

    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s+([0-9]{6})\\s*$");

    private final SMTPServer server;
    private final Path directory;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final List<String> refused = new ArrayList<>();
    private volatile int refusal;

    private SmtpSink(int port, Path directory) {
        this.directory = directory;
        this.server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress()).hostName("localhost")
                .softwareName("portail-smtp-sink").messageHandler(this::arrived).build();
    }

    /** Listens on the loopback port; {@code directory} may be null (tests keep messages in memory only). */
    public static SmtpSink start(int port, Path directory) {
        SmtpSink sink = new SmtpSink(port, directory);
        sink.server.start();
        return sink;
    }

    public int port() {
        return server.getPortAllocated();
    }

    private void arrived(org.subethamail.smtp.MessageContext context, String from, String recipient, byte[] data)
            throws RejectException {
        int code = refusal;
        if (code != 0) {
            synchronized (refused) {
                refused.add(recipient.toLowerCase(Locale.ROOT));
            }
            throw new RejectException(code, code >= 500 ? "5.1.1 Recipient refused (sink told to refuse)"
                    : "4.3.0 Try again later (sink told to refuse)");
        }
        Received message = new Received(from, recipient.toLowerCase(Locale.ROOT), data, Instant.now());
        synchronized (received) {
            received.add(message);
            if (received.size() > KEPT) {
                received.remove(0);
            }
        }
        if (directory != null) {
            try {
                Files.createDirectories(directory);
                Files.write(directory.resolve(String.format("%06d.eml", count.incrementAndGet())), data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What the relay received for this recipient, oldest first. */
    public List<Received> receivedFor(String recipient) {
        synchronized (received) {
            return received.stream().filter(m -> m.recipient().equals(recipient.toLowerCase(Locale.ROOT))).toList();
        }
    }

    /**
     * Waits for the recipient's {@code n}th message (counting from 1), for senders that mail on their own thread;
     * fails after 20 seconds.
     */
    public Received awaitMessage(String recipient, int n) {
        return await(recipient, "message " + n, mails -> mails.size() >= n ? mails.get(n - 1) : null);
    }

    /**
     * Waits for a message to the recipient whose bytes hold {@code text} (an ASCII reference: a body may be
     * quoted-printable), for a mailbox several tests write to; fails after 20 seconds.
     */
    public Received awaitMessage(String recipient, String text) {
        return await(recipient, "a message with " + text,
                mails -> mails.stream().filter(mail -> mail.text().contains(text)).findFirst().orElse(null));
    }

    private Received await(String recipient, String what, Function<List<Received>, Received> pick) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Received found = pick.apply(receivedFor(recipient));
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for mail to " + recipient, e);
            }
        }
        throw new AssertionError(what + " never reached " + recipient + " (" + receivedFor(recipient).size() + " did)");
    }

    /** How many times a message for this recipient was refused (see {@link #refuseWith}). */
    public long refusalsFor(String recipient) {
        synchronized (refused) {
            return refused.stream().filter(recipient.toLowerCase(Locale.ROOT)::equals).count();
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** From now on, answers every message with this SMTP reply code (4xx: try later; 5xx: never), or accepts (0). */
    public void refuseWith(int code) {
        refusal = code;
    }

    @Override
    public void close() {
        server.stop();
    }
}
