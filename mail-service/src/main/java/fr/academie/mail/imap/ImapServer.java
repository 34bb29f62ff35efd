package fr.academie.mail.imap;

import com.google.common.collect.ImmutableSet;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.metrics.ProtocolMetrics;
import fr.academie.mail.quota.Quotas;
import fr.academie.mail.signin.AppPasswordService;
import fr.academie.mail.signin.PasswordSignIn;
import fr.academie.mail.signin.TokenSignIn;
import fr.academie.mail.store.MessageSources;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.events.EventBus;
import org.apache.james.events.InVMEventBus;
import org.apache.james.events.MemoryEventDeadLetters;
import org.apache.james.events.RetryBackoffConfiguration;
import org.apache.james.events.delivery.InVmEventDelivery;
import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.encode.main.DefaultImapEncoderFactory;
import org.apache.james.imap.main.DefaultImapDecoderFactory;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.Capability;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.main.DeniedAccessOnSharedMailboxException;
import org.apache.james.imap.message.request.AuthenticateRequest;
import org.apache.james.imap.message.request.IdleRequest;
import org.apache.james.imap.message.request.LoginRequest;
import org.apache.james.imap.message.response.UnpooledStatusResponseFactory;
import org.apache.james.imap.processor.DefaultProcessor;
import org.apache.james.imap.processor.base.UnknownRequestProcessor;
import org.apache.james.imapserver.netty.IMAPServer;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.mailbox.acl.UnionMailboxACLResolver;
import org.apache.james.mailbox.store.BatchSizes;
import org.apache.james.mailbox.store.JVMMailboxPathLocker;
import org.apache.james.mailbox.store.MailboxManagerConfiguration;
import org.apache.james.mailbox.store.PreDeletionHooks;
import org.apache.james.mailbox.store.StoreMailboxAnnotationManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.store.MessageFactory;
import org.apache.james.mailbox.store.MessageStorer;
import org.apache.james.mailbox.store.StoreMailboxManager;
import org.apache.james.mailbox.store.StoreMessageManager;
import org.apache.james.mailbox.store.StoreRightManager;
import org.apache.james.mailbox.store.StoreSubscriptionManager;
import org.apache.james.mailbox.store.extractor.DefaultTextExtractor;
import org.apache.james.mailbox.store.mail.NaiveThreadIdGuessingAlgorithm;
import org.apache.james.mailbox.store.mail.model.impl.MessageParser;
import org.apache.james.mailbox.store.quota.DefaultUserQuotaRootResolver;
import org.apache.james.mailbox.store.quota.NoMaxQuotaManager;
import org.apache.james.mailbox.store.quota.QuotaComponents;
import org.apache.james.mailbox.store.search.SimpleMessageSearchIndex;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import reactor.core.publisher.Mono;

import javax.mail.Flags;
import javax.net.ssl.SSLContext;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The IMAP door of the mailbox: Apache James' IMAP server (its codec, its command processors, its Netty server) on
 * James' mailbox API, whose storage here is our own tables ({@link StoreMappers}); the web page and IMAP are two doors
 * on one mailbox. Started when {@code mail.imap.enabled}; the port it listens on is logged.
 */
@ApplicationScoped
public class ImapServer {

    private static final Logger LOG = Logger.getLogger(ImapServer.class);
    /** How often the journal of changes is read: what another door changed reaches an IDLE client within this. */
    private static final Duration FEED_EVERY = Duration.ofMillis(200);
    /**
     * What James would advertise and this store does not do yet: QRESYNC (James 3.8.1's SELECT ignores the client's
     * MODSEQ, so the flags changed since are never sent), ACL needs its mapper, SAVEDATE a column; REPLACE is untried;
     * XLIST is Gmail's old SPECIAL-USE; no message count is limited.
     */
    private static final List<String> NOT_YET = List.of("QRESYNC", "ACL", "LIST-MYRIGHTS", "QUOTA=RES-MESSAGE",
            "REPLACE", "SAVEDATE", "XLIST");

    private final MailConfig config;
    private final ImapStore store;
    private final ImapWrites writes;
    private final Quotas mailboxQuotas;
    private final MessageSources sources;
    private final MeterRegistry registry;
    private final TokenSignIn tokens;
    private final ImapPasswords passwords;
    private final TlsConfigurationRegistry certificates;
    private final String realm;
    private IMAPServer server;
    private IMAPServer implicitTls;
    private ScheduledExecutorService feed;

    public ImapServer(MailConfig config, ImapStore store, ImapWrites writes, Quotas mailboxQuotas,
                      MessageSources sources, MeterRegistry registry, TokenSignIn tokens, PasswordSignIn signIn,
                      AppPasswordService appPasswords, TlsConfigurationRegistry certificates,
                      @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realm) {
        this.config = config;
        this.store = store;
        this.writes = writes;
        this.mailboxQuotas = mailboxQuotas;
        this.sources = sources;
        this.registry = registry;
        this.tokens = tokens;
        this.passwords = new ImapPasswords(signIn, appPasswords);
        this.certificates = certificates;
        this.realm = realm;
    }

    /** Opens the door when enabled; {@link fr.academie.mail.doors.Doors} calls it at start-up beside the others. */
    public void open() throws Exception {
        MailConfig.Imap imap = config.imap();
        if (!imap.enabled()) {
            return;
        }
        ProtocolMetrics metrics = new ProtocolMetrics(registry, "imap");
        String origin = "imap-" + UUID.randomUUID(); // what its own writes are marked with in the journal of changes
        StoreMappers mappers = new StoreMappers(store, writes,
                new MessageStoreMapper(store, writes, sources, origin, config.maxMessageSize().asLongValue()));
        ImapSessions sessions = new ImapSessions();
        EventBus events = new InVMEventBus(new InVmEventDelivery(metrics), RetryBackoffConfiguration.DEFAULT,
                new MemoryEventDeadLetters());
        DefaultUserQuotaRootResolver quotaRoots = new DefaultUserQuotaRootResolver(sessions, mappers);
        MailboxQuota quotas = new MailboxQuota(mailboxQuotas, quotaRoots);
        StoreMailboxManager mailboxes = new Mailboxes(mappers, sessions, events,
                new QuotaComponents(new NoMaxQuotaManager(), quotas, quotaRoots), metrics);
        UnpooledStatusResponseFactory responses = new UnpooledStatusResponseFactory();
        ImapProcessor defaults = DefaultProcessor.createDefaultProcessor(new UnknownRequestProcessor(responses),
                mailboxes, events, new StoreSubscriptionManager(mappers, mappers, events), responses,
                new FolderTypes(store), quotas, quotaRoots, metrics);
        ImapProcessor processor = processor(defaults,
                new ImapAuthentication(mailboxes, responses, metrics, tokens, passwords),
                new PasswordLogin(mailboxes, responses, metrics, passwords), new IdleUpdates(mailboxes, responses, metrics),
                FolderCommands.Processors.of(mailboxes, responses, metrics), passwords, responses);
        Optional<SSLContext> certificate = certificates.get(MailConfig.CLIENTS_TLS).map(ImapServer::sslContext);
        if (certificate.isEmpty()) {
            LOG.warn("IMAP without TLS: no certificate (quarkus.tls.mail-clients.*); only tokens sign in, never passwords");
        }
        server = door(processor, metrics, imap, imap.port(), certificate.map(Encryption::createStartTls));
        if (certificate.isPresent() && imap.implicitTlsPort().isPresent()) {
            implicitTls = door(processor, metrics, imap, imap.implicitTlsPort().getAsInt(),
                    certificate.map(Encryption::createTls));
        }
        feed = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "imap-change-feed");
            thread.setDaemon(true);
            return thread;
        });
        feed.scheduleWithFixedDelay(new ChangeFeed(store, events, sessions, origin), 0, FEED_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.infof("IMAP listening on %s:%d%s as %s%s", imap.bind(), port(), certificate.isPresent() ? " (STARTTLS)" : "",
                imap.hostName(), implicitTls == null ? "" : ", and on " + implicitTlsPort() + " (TLS)");
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            feed.shutdownNow();
            server.destroy();
        }
        if (implicitTls != null) {
            implicitTls.destroy();
        }
    }

    /** The port it listens on (a free one in tests), with STARTTLS when it has a certificate. */
    public int port() {
        return server.getListenAddresses().get(0).getPort();
    }

    /** The port of implicit TLS (993 in production), when there is one. */
    public int implicitTlsPort() {
        return implicitTls.getListenAddresses().get(0).getPort();
    }

    /**
     * One listening door of the server on that port: STARTTLS or implicit TLS with the certificate of Quarkus' TLS
     * registry (James would read a key store through its own file system); passwords only once the connection is
     * encrypted (LOGINDISABLED before STARTTLS), and never without a certificate.
     */
    private IMAPServer door(ImapProcessor processor, ProtocolMetrics metrics, MailConfig.Imap imap, int port,
                            Optional<Encryption> tls) throws Exception {
        IMAPServer door = new IMAPServer(DefaultImapDecoderFactory.createDecoder(),
                ModifiedCode.around(new DefaultImapEncoderFactory().buildImapEncoder()), processor,
                new org.apache.james.imapserver.netty.ImapMetrics(metrics), metrics) {
            @Override
            protected void buildSSLContext() {
                encryption = tls.orElse(null);
            }
        };
        door.setFileSystem(new NoFiles());
        door.configure(configuration(imap, port, tls.isPresent()));
        door.init();
        return door;
    }

    private static SSLContext sslContext(TlsConfiguration certificate) {
        try {
            return certificate.createSSLContext();
        } catch (Exception e) {
            throw new IllegalStateException("The IMAP certificate (quarkus.tls.mail-clients.*) cannot be used", e);
        }
    }

    private BaseHierarchicalConfiguration configuration(MailConfig.Imap imap, int port, boolean encrypted) {
        BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
        configuration.addProperty("bind", imap.bind() + ":" + port);
        configuration.addProperty("helloName", imap.hostName());
        configuration.addProperty("jmxName", "imap-" + UUID.randomUUID()); // one per application start (tests restart it)
        configuration.addProperty("auth.requireSSL", true); // passwords only on an encrypted connection
        configuration.addProperty("auth.plainAuthEnabled", encrypted); // application passwords only (ImapPasswords)
        configuration.addProperty("disabledCaps", String.join("|", NOT_YET));
        configuration.addProperty("provisionDefaultMailboxes", false); // James' would be English: ours exist already
        configuration.addProperty("literalSizeLimit", config.maxMessageSize().asLongValue()); // APPEND as the MX
        // no server-wide throttle: past its 128 + 4096 commands James rejects one without flushing what that command
        // had written, and mbsync, which sends a FETCH per message at once, read the next answer inside the last one;
        // each connection still runs its commands one at a time, in order
        configuration.addProperty("concurrentRequests", -1);
        // what a client is told when its token is refused (RFC 7628 §3.2.2); the token is checked by ImapAuthentication
        configuration.addProperty("auth.oidc.jwksURL", realm + "/protocol/openid-connect/certs");
        configuration.addProperty("auth.oidc.claim", "sub");
        configuration.addProperty("auth.oidc.oidcConfigurationURL", realm + "/.well-known/openid-configuration");
        configuration.addProperty("auth.oidc.scope", "openid email");
        return configuration;
    }

    /**
     * James' processors, AUTHENTICATE and IDLE excepted (ours check tokens as the web door does, and push every change),
     * and the folder commands answering our refusals in words. A failure a processor leaves unanswered would make
     * James' server drop the connection: it is answered NO instead (as a folder that does not exist for a name in
     * another person's namespace, {@code #user/…}).
     */
    private static ImapProcessor processor(ImapProcessor defaults, ImapAuthentication authentication, PasswordLogin login,
                                           IdleUpdates idle, FolderCommands.Processors folders, ImapPasswords passwords,
                                           StatusResponseFactory responses) {
        return new ImapProcessor() {
            @Override
            public Mono<Void> processReactive(ImapMessage message, Responder responder, ImapSession session) {
                return InOrder.process(responder, ordered -> handle(message, ordered, session));
            }

            private Mono<Void> handle(ImapMessage message, Responder responder, ImapSession session) {
                // on the session's own thread: a hop would let STARTTLS answer after the handshake has begun
                return Mono.fromCallable(() -> passwords.mayGoOn(session))
                        .flatMap(goOn -> goOn ? choose(message).processReactive(message, responder, session)
                                : Mono.fromRunnable(() -> {
                                    responder.respond(responses.bye(ImapPasswords.why(session)));
                                    responder.flush();
                                }).then(session.logout()))
                        .onErrorResume(failure -> message instanceof ImapRequest, failure -> Mono.fromRunnable(() -> {
                            ImapRequest request = (ImapRequest) message;
                            responder.respond(responses.taggedNo(request.getTag(), request.getCommand(),
                                    why(request, failure)));
                            responder.flush();
                        }));
            }

            private HumanReadableText why(ImapRequest request, Throwable failure) {
                if (failure instanceof DeniedAccessOnSharedMailboxException) {
                    return HumanReadableText.FAILURE_NO_SUCH_MAILBOX;
                }
                LOG.errorf(failure, "IMAP %s failed", request.getCommand().getName());
                return HumanReadableText.GENERIC_FAILURE_DURING_PROCESSING;
            }

            private ImapProcessor choose(ImapMessage message) {
                ImapProcessor folder = message instanceof ImapRequest request ? FolderCommands.of(request, folders) : null;
                return message instanceof AuthenticateRequest ? authentication : message instanceof LoginRequest ? login
                        : message instanceof IdleRequest ? idle : folder != null ? folder : defaults;
            }

            @Override
            public void configure(org.apache.james.imap.api.ImapConfiguration given) {
                org.apache.james.imap.api.ImapConfiguration configuration = withCondstore(given);
                defaults.configure(configuration);
                authentication.configure(configuration);
                login.configure(configuration);
                idle.configure(configuration);
                folders.create().configure(configuration);
                folders.rename().configure(configuration);
                folders.delete().configure(configuration);
            }
        };
    }

    /**
     * James' server configuration with CONDSTORE advertised: its processors answer CONDSTORE's commands on the MODSEQs the
     * database keeps, but its server never reads the switch from its configuration file (3.8.1).
     */
    private static org.apache.james.imap.api.ImapConfiguration withCondstore(org.apache.james.imap.api.ImapConfiguration given) {
        org.apache.james.imap.api.ImapConfiguration.Builder configuration = org.apache.james.imap.api.ImapConfiguration
                .builder()
                .enableIdle(given.isEnableIdle())
                .idleTimeInterval(given.getIdleTimeInterval())
                .idleTimeIntervalUnit(given.getIdleTimeIntervalUnit())
                .disabledCaps(given.getDisabledCaps().stream().map(Capability::asString).collect(ImmutableSet.toImmutableSet()))
                .maxQueueSize(given.getMaxQueueSize())
                .concurrentRequests(given.getConcurrentRequests())
                .isProvisionDefaultMailboxes(given.isProvisionDefaultMailboxes())
                .withCustomProperties(given.getCustomProperties())
                .isCondstoreEnable(true);
        given.getAppendLimit().ifPresent(configuration::appendLimit);
        return configuration.build();
    }

    /**
     * James' store mailbox manager on our mappers, with the capabilities this store has so far: keywords (labels among
     * them) and MOVE. Search walks the folder's messages (James' simple index): IMAP SEARCH on our full-text index comes later.
     */
    private static final class Mailboxes extends StoreMailboxManager {

        Mailboxes(StoreMappers mappers, ImapSessions sessions, EventBus events, QuotaComponents quotas,
                  ProtocolMetrics metrics) {
            this(mappers, sessions, events, quotas, metrics, new StoreRightManager(mappers, new UnionMailboxACLResolver(), events));
        }

        private Mailboxes(StoreMappers mappers, ImapSessions sessions, EventBus events, QuotaComponents quotas,
                          ProtocolMetrics metrics, StoreRightManager rights) {
            super(mappers, sessions, new JVMMailboxPathLocker(), new MessageParser(), StoredMessageId.FACTORY,
                    new StoreMailboxAnnotationManager(mappers, rights), events, rights, quotas,
                    new SimpleMessageSearchIndex(mappers, mappers, new DefaultTextExtractor(), (attachment, session) -> {
                        throw new FileNotFoundException("Attachments are read from the message itself");
                    }),
                    new MailboxManagerConfiguration(BatchSizes.defaultValues()), new PreDeletionHooks(Set.of(), metrics),
                    new NaiveThreadIdGuessingAlgorithm(), Clock.systemUTC());
        }

        @Override
        public EnumSet<MailboxCapabilities> getSupportedMailboxCapabilities() {
            return EnumSet.of(MailboxCapabilities.Namespace, MailboxCapabilities.UserFlag, MailboxCapabilities.Move);
        }

        /** A folder that keeps any keyword a client sets (PERMANENTFLAGS with \*): labels and the client's own. */
        @Override
        protected StoreMessageManager createMessageManager(Mailbox mailbox, MailboxSession session) {
            return new StoreMessageManager(StoreMailboxManager.DEFAULT_NO_MESSAGE_CAPABILITIES, getMapperFactory(),
                    getMessageSearchIndex(), getEventBus(), getLocker(), mailbox,
                    getQuotaComponents().getQuotaManager(), getQuotaComponents().getQuotaRootResolver(),
                    configuration.getBatchSizes(), getStoreRightManager(), getPreDeletionHooks(),
                    new MessageStorer.WithoutAttachment(getMapperFactory(), getMessageIdFactory(),
                            new MessageFactory.StoreMessageFactory(), getThreadIdGuessingAlgorithm(), getClock())) {
                @Override
                public Flags getPermanentFlags(MailboxSession session) {
                    Flags flags = super.getPermanentFlags(session);
                    flags.add(Flags.Flag.USER);
                    return flags;
                }
            };
        }
    }

    /** James' servers read their certificates through a file system; ours come from Quarkus' TLS registry. */
    private static final class NoFiles implements org.apache.james.filesystem.api.FileSystem {

        @Override
        public InputStream getResource(String url) throws FileNotFoundException {
            throw new FileNotFoundException(url);
        }

        @Override
        public File getFile(String fileURL) throws FileNotFoundException {
            throw new FileNotFoundException(fileURL);
        }

        @Override
        public File getBasedir() throws FileNotFoundException {
            throw new FileNotFoundException("no base directory");
        }
    }
}
