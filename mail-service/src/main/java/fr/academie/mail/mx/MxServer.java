package fr.academie.mail.mx;

import fr.academie.mail.authenticity.Authenticity;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.metrics.ProtocolMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.protocols.netty.NettyServer;
import org.apache.james.protocols.smtp.SMTPConfigurationImpl;
import org.apache.james.protocols.smtp.SMTPProtocol;
import org.apache.james.protocols.smtp.SMTPProtocolHandlerChain;
import org.jboss.logging.Logger;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;

/**
 * The académie's MX: an SMTP server (Apache James' protocol stack on Netty: ESMTP with PIPELINING, SIZE, 8BITMIME,
 * ENHANCEDSTATUSCODES, STARTTLS with the certificate of Quarkus' TLS registry named "mx", and SMTPUTF8 added here)
 * that takes mail from the internet for the académie's addresses,
 * checks each recipient at RCPT time and stores each message through the delivery pipeline before it answers 250.
 */
@ApplicationScoped
public class MxServer {

    private static final Logger LOG = Logger.getLogger(MxServer.class);
    /** The certificate it offers with STARTTLS: Quarkus' TLS registry, {@code quarkus.tls.mx.key-store.*}. */
    static final String TLS = "mx";

    private final MailConfig config;
    private final Mailboxes mailboxes;
    private final Authenticity authenticity;
    private final MeterRegistry registry;
    private final TlsConfigurationRegistry certificates;
    private NettyServer server;

    public MxServer(MailConfig config, Mailboxes mailboxes, Authenticity authenticity, MeterRegistry registry,
                    TlsConfigurationRegistry certificates) {
        this.config = config;
        this.mailboxes = mailboxes;
        this.authenticity = authenticity;
        this.registry = registry;
        this.certificates = certificates;
    }

    /** Opens the door when enabled; {@link fr.academie.mail.doors.Doors} calls it at start-up beside the others. */
    public void open() throws Exception {
        MailConfig.Mx mx = config.mx();
        if (!mx.enabled()) {
            return;
        }
        SMTPProtocolHandlerChain chain = new SMTPProtocolHandlerChain(new ProtocolMetrics(registry, "smtp"));
        chain.add(new SenderRate(mx.messagesPerMinute(), Clock.systemUTC()));
        chain.add(new RecipientCheck(mailboxes));
        chain.add(new Reception(mailboxes, authenticity, mx.hostName(), config.maxMessageSize().asLongValue()));
        chain.add(new SmtpUtf8());
        chain.wireExtensibleHandlers();
        NettyServer.Factory factory = new NettyServer.Factory().protocol(new SMTPProtocol(chain,
                new Settings(mx.hostName(), config.maxMessageSize().asLongValue())));
        Optional<TlsConfiguration> certificate = certificates.get(TLS);
        if (certificate.isPresent()) {
            factory = factory.secure(Encryption.createStartTls(certificate.get().createSSLContext()));
        } else {
            LOG.warn("MX without STARTTLS: no certificate (quarkus.tls.mx.*); servers will send mail in clear text");
        }
        server = factory.build();
        server.setListenAddresses(new InetSocketAddress(mx.bind(), mx.port()));
        server.setMaxConcurrentConnections(mx.maxConnections());
        server.setMaxConcurrentConnectionsPerIP(mx.maxConnectionsPerAddress());
        server.setTimeout((int) mx.idleTimeout().toSeconds());
        server.setIoWorkerCount(mx.workerThreads());
        server.bind();
        LOG.infof("MX listening on %s:%d as %s%s", mx.bind(), mx.port(), mx.hostName(),
                certificate.isPresent() ? ", STARTTLS offered" : "");
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.unbind();
        }
    }

    /**
     * What the SMTP stack asks of its configuration: our name, the size limit, and that nothing is relayed (the
     * submission door extends it: relaying once signed in).
     */
    public static class Settings extends SMTPConfigurationImpl {

        private final String hostName;
        private final long maxMessageSize;

        public Settings(String hostName, long maxMessageSize) {
            this.hostName = hostName;
            this.maxMessageSize = maxMessageSize;
        }

        @Override
        public String getHelloName() {
            return hostName;
        }

        @Override
        public long getMaxMessageSize() {
            return maxMessageSize;
        }

        @Override
        public boolean isRelayingAllowed(String remoteAddress) {
            return false;
        }
    }
}
