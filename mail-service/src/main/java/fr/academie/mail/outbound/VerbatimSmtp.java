package fr.academie.mail.outbound;

import fr.academie.mail.config.MailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Hands a message to the académie's relay as it is, with Angus Mail's SMTP client (Quarkus Mailer rebuilds every
 * message it sends): a forward keeps its header and body byte for byte, hence its DKIM signatures, and goes under the
 * envelope sender given ("" sends {@code MAIL FROM:<>}). The relay is the one of {@code quarkus.mailer.*}.
 */
@ApplicationScoped
public class VerbatimSmtp {

    /** The relay refused the message: its reply code, and whether that is final (5xx). */
    public static final class Refused extends RuntimeException {

        private final int code;

        Refused(int code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        public int code() {
            return code;
        }

        public boolean permanent() {
            return code >= 500;
        }
    }

    private final Properties properties = new Properties();
    private final String host;
    private final int port;
    private final Optional<String> username;
    private final Optional<String> password;

    public VerbatimSmtp(@ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
                        @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
                        @ConfigProperty(name = "quarkus.mailer.tls", defaultValue = "false") boolean tls,
                        @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
                        @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
                        @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password,
                        @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "30s") Duration timeout,
                        MailConfig config) {
        this.host = host;
        this.port = port.orElse(tls ? 465 : 25);
        this.username = username;
        this.password = password;
        String millis = String.valueOf(timeout.toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.localhost", config.mx().hostName());
        properties.setProperty("mail.smtp.ssl.enable", String.valueOf(tls));
        properties.setProperty("mail.smtp.starttls.enable", String.valueOf(!startTls.equalsIgnoreCase("DISABLED")));
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(startTls.equalsIgnoreCase("REQUIRED")));
        properties.setProperty("mail.smtp.auth", String.valueOf(username.isPresent()));
    }

    /**
     * Sends the message to the recipients under the envelope sender.
     *
     * @throws Refused when the relay refuses it or cannot be reached (code 0: no answer, to try again later)
     */
    void send(String sender, List<String> recipients, InputStream source) {
        Properties session = new Properties();
        session.putAll(properties);
        session.setProperty("mail.smtp.from", sender.isEmpty() ? "<>" : sender);
        try {
            Session smtp = Session.getInstance(session);
            MimeMessage message = new MimeMessage(smtp, source); // written back as read: not modified, never saveChanges()
            try (Transport transport = smtp.getTransport("smtp")) {
                transport.connect(host, port, username.orElse(null), password.orElse(null));
                transport.sendMessage(message, addresses(recipients));
            }
        } catch (SMTPSendFailedException e) {
            throw new Refused(e.getReturnCode(), e.getMessage(), e);
        } catch (MessagingException e) {
            int code = e.getNextException() instanceof SMTPAddressFailedException failed ? failed.getReturnCode() : 0;
            throw new Refused(code, e.getMessage(), e);
        }
    }

    private static InternetAddress[] addresses(List<String> recipients) throws AddressException {
        InternetAddress[] addresses = new InternetAddress[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InternetAddress(recipients.get(i), false);
        }
        return addresses;
    }
}
