package fr.academie.mail.submission;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.metrics.ProtocolMetrics;
import fr.academie.mail.mx.MxServer;
import fr.academie.mail.mx.SenderRate;
import fr.academie.mail.outbound.Sending;
import fr.academie.mail.signin.PasswordSignIn;
import fr.academie.mail.signin.TokenSignIn;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.handler.WiringException;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.protocols.netty.NettyServer;
import org.apache.james.protocols.smtp.SMTPProtocol;
import org.apache.james.protocols.smtp.SMTPProtocolHandlerChain;
import org.apache.james.protocols.smtp.core.ReceivedDataLineFilter;
import org.apache.james.protocols.smtp.core.esmtp.AuthCmdHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SMTP submission (RFC 6409) for Thunderbird, Outlook and phones: Apache James' SMTP stack, STARTTLS on
 * {@code mail.submission.port} (587) and implicit TLS on {@code implicit-tls-port} (465, RFC 8314), with the
 * certificate of the mail clients' doors ({@code quarkus.tls.mail-clients.*}); signed in only, and only over TLS.
 * Without a certificate it does not open: passwords never travel in clear text.
 */
@ApplicationScoped
public class SubmissionServer {

    private static final Logger LOG = Logger.getLogger(SubmissionServer.class);

    private final MailConfig config;
    private final Sending sending;
    private final PasswordSignIn passwords;
    private final TokenSignIn tokens;
    private final MeterRegistry registry;
    private final TlsConfigurationRegistry certificates;
    private final String realm;
    private final List<NettyServer> servers = new ArrayList<>();

    public SubmissionServer(MailConfig config, Sending sending, PasswordSignIn passwords, TokenSignIn tokens,
                            MeterRegistry registry, TlsConfigurationRegistry certificates,
                            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realm) {
        this.config = config;
        this.sending = sending;
        this.passwords = passwords;
        this.tokens = tokens;
        this.registry = registry;
        this.certificates = certificates;
        this.realm = realm;
    }

    /** Opens the door when enabled; {@link fr.academie.mail.doors.Doors} calls it at start-up beside the others. */
    public void open() throws Exception {
        MailConfig.Submission submission = config.submission();
        if (!submission.enabled()) {
            return;
        }
        Optional<TlsConfiguration> certificate = certificates.get(MailConfig.CLIENTS_TLS);
        if (certificate.isEmpty()) {
            LOG.warn("SMTP submission closed: no certificate (quarkus.tls.mail-clients.*), and passwords never travel "
                    + "in clear text");
            return;
        }
        SSLContext tls = certificate.get().createSSLContext();
        servers.add(listen(submission, submission.port(), Encryption.createStartTls(tls)));
        if (submission.implicitTlsPort().isPresent()) {
            servers.add(listen(submission, submission.implicitTlsPort().getAsInt(), Encryption.createTls(tls)));
        }
        LOG.infof("SMTP submission listening on %s:%d (STARTTLS)%s as %s", submission.bind(), port(),
                servers.size() > 1 ? " and " + implicitTlsPort() + " (TLS)" : "", submission.hostName());
    }

    void stop(@Observes ShutdownEvent event) {
        servers.forEach(NettyServer::unbind);
    }

    /** The port of STARTTLS (a free one in tests). */
    public int port() {
        return servers.get(0).getListenAddresses().get(0).getPort();
    }

    /** The port of implicit TLS. */
    public int implicitTlsPort() {
        return servers.get(1).getListenAddresses().get(0).getPort();
    }

    private NettyServer listen(MailConfig.Submission submission, int port, Encryption encryption) throws Exception {
        NettyServer server = new NettyServer.Factory().protocol(new SMTPProtocol(chain(submission),
                new Settings(submission.hostName(), config.maxMessageSize().asLongValue(), sasl()))).secure(encryption)
                .build();
        server.setListenAddresses(new InetSocketAddress(submission.bind(), port));
        server.bind();
        return server;
    }

    /**
     * James' SMTP commands, with AUTH, and without the Received: line that would tell every recipient the client's
     * address (a privacy Gmail and Outlook.com keep too).
     */
    private SMTPProtocolHandlerChain chain(MailConfig.Submission submission) throws WiringException {
        SMTPProtocolHandlerChain chain = new SMTPProtocolHandlerChain(new ProtocolMetrics(registry, "submission"));
        // by remove(Object): the chain's iterator does not remove (James 3.8.1), so removeIf would keep it
        chain.stream().filter(handler -> handler instanceof ReceivedDataLineFilter).toList().forEach(chain::remove);
        chain.add(new AuthCmdHandler());
        chain.add(new SubmissionAuth(passwords, tokens));
        chain.add(new Envelope(new SenderRate(submission.messagesPerMinute(), Clock.systemUTC()),
                submission.maxRecipients()));
        chain.add(new Submission(sending, config.maxMessageSize().asLongValue()));
        chain.wireExtensibleHandlers();
        return chain;
    }

    /** What a client is told of the realm when its token is refused (RFC 7628 §3.2.2); tokens are checked by ours. */
    private OidcSASLConfiguration sasl() throws MalformedURLException {
        return new OidcSASLConfiguration(new URL(realm + "/protocol/openid-connect/certs"), "sub",
                new URL(realm + "/.well-known/openid-configuration"), "openid email", Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The MX's settings, but AUTH announced once encrypted, and relaying once signed in (AUTH allows it). */
    private static final class Settings extends MxServer.Settings {

        private final OidcSASLConfiguration sasl;

        Settings(String hostName, long maxMessageSize, OidcSASLConfiguration sasl) {
            super(hostName, maxMessageSize);
            this.sasl = sasl;
        }

        @Override
        public boolean isAuthAnnounced(String remoteAddress, boolean tlsStarted) {
            return tlsStarted;
        }

        @Override
        public boolean isPlainAuthEnabled() {
            return true;
        }

        @Override
        public Optional<OidcSASLConfiguration> saslConfiguration() {
            return Optional.of(sasl);
        }
    }
}
