package fr.academie.mail.managesieve;

import fr.academie.stack.testing.TestStack;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ManageSieve conversation written byte by byte, for what a finished client never sends (malformed commands, a
 * password before TLS, a token): the server's reply to each line, read to its OK, NO or BYE.
 */
final class SieveDialogue implements AutoCloseable {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}$");

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** What the server said first: its capabilities. */
    final String greeting;

    SieveDialogue(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        greeting = reply();
    }

    /** STARTTLS, the server's certificate checked; returns the capabilities it sends again. */
    String startTls() throws Exception {
        String ok = send("STARTTLS");
        if (!ok.startsWith("OK")) {
            throw new IllegalStateException(ok);
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("serveur", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(TestStack.get().stack().mailClientsCertificate().getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        SSLSocket encrypted = (SSLSocket) tls.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
        encrypted.startHandshake();
        socket = encrypted;
        in = encrypted.getInputStream();
        out = encrypted.getOutputStream();
        return reply();
    }

    /** Sends a line (CRLF added) and reads the reply. */
    String send(String line) throws IOException {
        return sendBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    String sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return reply();
    }

    /** Sends a line and reads one line back (a SASL challenge). */
    String sendForLine(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return line();
    }

    /** The reply's lines, literals included, up to the line that starts with OK, NO or BYE. */
    String reply() throws IOException {
        StringBuilder reply = new StringBuilder();
        while (true) {
            String line = line();
            reply.append(line).append("\r\n");
            Matcher literal = LITERAL.matcher(line);
            if (literal.find()) {
                reply.append(new String(in.readNBytes(Integer.parseInt(literal.group(1))), StandardCharsets.UTF_8));
                continue;
            }
            if (line.startsWith("OK") || line.startsWith("NO") || line.startsWith("BYE")) {
                return reply.toString();
            }
        }
    }

    /** Whether the server closed the connection (nothing more to read). */
    boolean closed() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed after: " + line.toString(StandardCharsets.UTF_8));
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
