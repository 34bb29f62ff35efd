package fr.academie.mail.managesieve;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.rules.SieveEngine;
import fr.academie.mail.signin.AppPasswordService;
import fr.academie.mail.signin.PasswordSignIn;
import fr.academie.mail.signin.TokenSignIn;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * ManageSieve (RFC 5804): mail programs' rule editors (Thunderbird's Sieve add-on, sieve-connect, Roundcube's
 * managesieve plugin) edit the same rules as the web page. Written here on Vert.x rather than with James 3.8.1's
 * ManageSieve server, which counts a literal's size in characters instead of octets (a script with « é » is never read
 * whole) and answers with Java class names. STARTTLS with the certificate of the mail clients' doors
 * ({@code quarkus.tls.mail-clients.*}); closed without one, as passwords travel.
 */
@ApplicationScoped
public class ManageSieveServer {

    private static final Logger LOG = Logger.getLogger(ManageSieveServer.class);

    private final MailConfig config;
    private final Vertx vertx;
    private final TlsConfigurationRegistry certificates;
    private final SieveSession.Services services;
    private NetServer server;

    public ManageSieveServer(MailConfig config, Vertx vertx, TlsConfigurationRegistry certificates,
                             SieveScriptStore scripts, PasswordSignIn passwords, TokenSignIn tokens,
                             AppPasswordService appPasswords, SieveEngine engine) {
        this.config = config;
        this.vertx = vertx;
        this.certificates = certificates;
        this.services = new SieveSession.Services(scripts, passwords, tokens, appPasswords,
                String.join(" ", engine.extensions()));
    }

    /** Opens the door when enabled; {@link fr.academie.mail.doors.Doors} calls it at start-up beside the others. */
    public void open() throws Exception {
        MailConfig.ManageSieve door = config.managesieve();
        if (!door.enabled()) {
            return;
        }
        Optional<TlsConfiguration> certificate = certificates.get(MailConfig.CLIENTS_TLS);
        if (certificate.isEmpty()) {
            LOG.warn("ManageSieve closed: no certificate (quarkus.tls.mail-clients.*), and passwords never travel in "
                    + "clear text");
            return;
        }
        NetServerOptions options = new NetServerOptions().setHost(door.bind()).setPort(door.port())
                .setKeyCertOptions(certificate.get().getKeyStoreOptions()) // for STARTTLS: the connection starts clear
                .setIdleTimeout((int) door.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS);
        server = vertx.createNetServer(options).connectHandler(this::connected);
        server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.infof("ManageSieve listening on %s:%d (STARTTLS)", door.bind(), port());
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close();
        }
    }

    /** The port it listens on (a free one in tests). */
    public int port() {
        return server.actualPort();
    }

    private void connected(NetSocket socket) {
        String address = socket.remoteAddress() == null ? "inconnue" : socket.remoteAddress().hostAddress();
        new SieveConnection(vertx, socket, new SieveSession(services, address)).start();
    }
}
