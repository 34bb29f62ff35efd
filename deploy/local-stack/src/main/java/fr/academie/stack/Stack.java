package fr.academie.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * PostgreSQL, then Keycloak with the realm and the demo accounts, then the services on top: the one
 * start-up path behind {@code ./run} and every module's test resource.
 */
public final class Stack implements AutoCloseable {

    static final String ADMIN_CLIENT = "portail-stack-admin";
    private static final String REALM_FILE = "realm-ac-orleans-tours.json";
    /** The académie's mail domain, whose DNS records the stub publishes. */
    public static final String MAIL_DOMAIN = "ac-orleans-tours.fr";
    /** System property: the JVM options of the services the stack starts. */
    public static final String JVM_OPTIONS = "portail.jvm-options";
    /** The {@code java} the services run on; the stack's own by default. */
    public static final String JAVA = "portail.java";
    /**
     * A directory of AOT caches (JDK 25: JEP 483, 514, 515), one per service: a service without one records it during
     * this start (written when it stops), one with it starts from it.
     */
    public static final String AOT_CACHE = "portail.aot-cache";
    /**
     * The JVM options of a start that records a service's {@link #AOT_CACHE AOT cache}, the services' own when not
     * given: a cache recorded with C1 only served starts with both JIT tiers 0.5–1.0 s quicker than one recorded with
     * both (FirstRequestBenchmark, 2026-12-05).
     */
    public static final String AOT_RECORDING_JVM_OPTIONS = "portail.aot-recording-jvm-options";
    static final String DEFAULT_JVM_OPTIONS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /**
     * Where the stack keeps its data and ports. The Keycloak install can be shared between data
     * directories (the tests share one across modules).
     */
    public record Settings(Path dataDirectory, Path keycloakInstallDirectory, Path logDirectory, int postgresPort,
                           int keycloakPort, int keycloakManagementPort, int smtpPort, int mxPort, int imapPort,
                           int imapTlsPort, int submissionPort, int submissionTlsPort, int manageSievePort,
                           boolean demoData) {
    }

    private final Settings settings;
    private final List<ChildProcess> services = new CopyOnWriteArrayList<>();
    private volatile Postgres postgres;
    private volatile Keycloak keycloak;
    private volatile Keycloak.Options keycloakOptions;
    private volatile KeycloakAdmin admin;
    private volatile SmtpSink smtp;
    private volatile DnsStub dns;

    /**
     * A stack not started yet: {@link #close()} stops whatever {@link #start()} got to. A process caught
     * half-started is stopped by {@link ChildProcess}'s own shutdown hook.
     */
    public Stack(Settings settings) {
        this.settings = settings;
    }

    public static Stack start(Settings settings) {
        Stack stack = new Stack(settings);
        try {
            stack.start();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Starts PostgreSQL, then Keycloak (importing the realm at first start), then adds the demo accounts. */
    public void start() {
        Path data = settings.dataDirectory();
        String adminSecret = secret(data.resolve("keycloak-admin.secret"));
        postgres = Postgres.start(settings.postgresPort(), data.resolve("postgres"),
                settings.logDirectory().resolve("postgres.log"));
        postgres.ensureDatabase("keycloak");
        // the demo stack keeps what "leaves the académie" as files; the tests read it from memory
        smtp = SmtpSink.start(settings.smtpPort(), settings.demoData() ? data.resolve("smtp-sink") : null);
        dns = DnsStub.start();
        publishAcademieRecords(data);
        Path home = Keycloak.install(settings.keycloakInstallDirectory());
        keycloakOptions = new Keycloak.Options(home, settings.keycloakPort(), settings.keycloakManagementPort(),
                postgres.jdbcUrl("keycloak"), "keycloak", ADMIN_CLIENT, adminSecret,
                settings.logDirectory().resolve("keycloak.log"));
        keycloak = Keycloak.start(keycloakOptions, realmFile(data));
        admin = new KeycloakAdmin(keycloak.baseUrl(), ADMIN_CLIENT, adminSecret);
        relayKeycloakMailToTheSink();
        DemoAccounts.create(admin);
    }

    /**
     * What Keycloak mails (a lost-password code to a recovery address) leaves through the académie's relay, which
     * the realm file names; here the sink stands in for it, on this run's port.
     */
    private void relayKeycloakMailToTheSink() {
        ObjectNode realm = KeycloakAdmin.JSON.createObjectNode();
        realm.putObject("smtpServer").put("host", "localhost").put("port", String.valueOf(smtp.port()))
                .put("starttls", "false").put("ssl", "false").put("auth", "false")
                .put("from", "ne-pas-repondre@" + MAIL_DOMAIN).put("fromDisplayName", "Portail agents – Académie d'Orléans-Tours");
        admin.update("/admin/realms/" + Keycloak.REALM, realm);
    }

    /**
     * The académie's records, as its real DNS publishes them: its mail leaves from here (SPF), signed with the key of
     * the data directory (DKIM), and mail claiming its name without proof is to be refused (DMARC).
     */
    private void publishAcademieRecords(Path data) {
        dns.txt(MAIL_DOMAIN, "v=spf1 ip4:127.0.0.1 -all");
        dns.txt(DkimKey.SELECTOR + "._domainkey." + MAIL_DOMAIN, DkimKey.record(data));
        dns.txt("_dmarc." + MAIL_DOMAIN, "v=DMARC1; p=reject");
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    /** Starts Keycloak again after its process ended (a crash), on the same ports, its log kept; waits until ready. */
    public synchronized Keycloak restartKeycloak() {
        keycloak = Keycloak.start(keycloakOptions, realmFile(settings.dataDirectory()), true);
        return keycloak;
    }

    public Postgres postgres() {
        return postgres;
    }

    /** Stops PostgreSQL cleanly and starts it again on the same port and data, as an operator's restart would. */
    public synchronized void restartPostgres() {
        postgres.close();
        postgres = Postgres.start(settings.postgresPort(), settings.dataDirectory().resolve("postgres"),
                settings.logDirectory().resolve("postgres.log"));
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    /** The local SMTP sink that stands in for the outbound relay. */
    public SmtpSink smtp() {
        return smtp;
    }

    /** The DNS that mail-service asks about senders' domains (SPF, DKIM, DMARC): a stub, never the internet. */
    public DnsStub dns() {
        return dns;
    }

    /** The port mail-service's MX listens on (mail from the internet). */
    public int mxPort() {
        return settings.mxPort();
    }

    /** IMAP's port (STARTTLS), and its port of implicit TLS. */
    public int imapPort() {
        return settings.imapPort();
    }

    public int imapTlsPort() {
        return settings.imapTlsPort();
    }

    /** The certificate IMAP and submission offer, in PEM (what a client that checks it is given). */
    public String mailClientsCertificate() {
        try {
            return Files.readString(MxCertificate.pemFiles(settings.dataDirectory()).certificate(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SMTP submission's port (STARTTLS), and its port of implicit TLS. */
    public int submissionPort() {
        return settings.submissionPort();
    }

    public int submissionTlsPort() {
        return settings.submissionTlsPort();
    }

    /** ManageSieve's port (STARTTLS): mail programs' rule editors. */
    public int manageSievePort() {
        return settings.manageSievePort();
    }

    /** JDBC address of one of the stack's databases (user = database name, trusted on loopback). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The log file of a service this stack starts (appended to when it starts again after a crash). */
    public Path logOf(Service service) {
        return settings.logDirectory().resolve(service.module() + ".log");
    }

    /**
     * The configuration a service needs to run against this stack, as Quarkus property names (without
     * its HTTP port): its database, the realm, and the clients it uses (the gateway's three, mail-service's directory,
     * colibris-service's notifier, which also reads the directory).
     */
    public Map<String, String> configFor(Service service) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        postgres.ensureDatabase(service.database());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()));
        config.put("quarkus.datasource.username", service.database());
        // no trace collector here: traces are not kept (their ids still relayed and in each log line), logs are lines
        config.put("quarkus.otel.traces.sampler.arg", "0");
        config.put("quarkus.log.console.json.enabled", "false");
        if (service != Service.GATEWAY) {
            if (settings.demoData()) {
                config.put("portail.demo-data", "true");
            }
        }
        if (service == Service.MAIL) {
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", String.valueOf(smtp.port()));
            config.put("mail.mx.port", String.valueOf(settings.mxPort())); // mail from the internet, with STARTTLS
            MxCertificate.Pem certificate = MxCertificate.pemFiles(settings.dataDirectory()); // PEM files, as in production
            config.put("quarkus.tls.mx.key-store.pem.0.cert", certificate.certificate().toString());
            config.put("quarkus.tls.mx.key-store.pem.0.key", certificate.key().toString());
            // mail clients' doors: IMAP with STARTTLS, and with implicit TLS; the same self-signed certificate as the MX
            config.put("mail.imap.enabled", "true");
            config.put("mail.imap.port", String.valueOf(settings.imapPort()));
            config.put("mail.imap.implicit-tls-port", String.valueOf(settings.imapTlsPort()));
            config.put("mail.submission.enabled", "true"); // and SMTP submission, STARTTLS and implicit TLS
            config.put("mail.submission.port", String.valueOf(settings.submissionPort()));
            config.put("mail.submission.implicit-tls-port", String.valueOf(settings.submissionTlsPort()));
            config.put("mail.managesieve.enabled", "true"); // and ManageSieve, for their rule editors
            config.put("mail.managesieve.port", String.valueOf(settings.manageSievePort()));
            config.put("quarkus.tls.mail-clients.key-store.pem.0.cert", certificate.certificate().toString());
            config.put("quarkus.tls.mail-clients.key-store.pem.0.key", certificate.key().toString());
            config.put("mail.dns.server", dns.address());
            config.put("mail.phishing-reports-to", "admin@" + MAIL_DOMAIN); // the demo administrator plays the security team
            config.put("quarkus.mailer.dkim.enabled", "true"); // what leaves the académie is signed
            config.put("quarkus.mailer.dkim.private-key-path", DkimKey.in(settings.dataDirectory()).toString());
            config.put("quarkus.mailer.dkim.selector", DkimKey.SELECTOR);
            config.put("quarkus.mailer.dkim.sdid", MAIL_DOMAIN);
            // signs the envelope senders of forwards outside the académie (SRS); kept, so that bounces to forwards made
            // before a restart still find their way back
            config.put("mail.forwarding.srs-secret", secret(settings.dataDirectory().resolve("srs-secret")));
            config.put("quarkus.keycloak.admin-client.server-url", keycloak.baseUrl());
            config.put("quarkus.keycloak.admin-client.client-secret", admin.clientSecret(Keycloak.REALM, "mail-service"));
        } else if (service == Service.COLIBRIS) {
            String notifier = admin.clientSecret(Keycloak.REALM, "colibris-notifier");
            config.put("quarkus.oidc-client.mail-notifier.credentials.secret", notifier);
            config.put("quarkus.keycloak.admin-client.server-url", keycloak.baseUrl());
            config.put("quarkus.keycloak.admin-client.client-secret", notifier); // the deciders, from the directory
        } else if (service == Service.GATEWAY) {
            config.put("quarkus.oidc.credentials.secret", admin.clientSecret(Keycloak.REALM, "portail"));
            // encrypts the sessions' tokens in the gateway's database; kept, so that a restart signs nobody out
            config.put("gateway.sessions.secret", secret(settings.dataDirectory().resolve("gateway-sessions.secret")));
            config.put("quarkus.keycloak.admin-client.server-url", keycloak.baseUrl());
            config.put("quarkus.keycloak.admin-client.client-secret", admin.clientSecret(Keycloak.REALM, "portail-admin"));
            config.put("quarkus.oidc-client.mail-notifier.credentials.secret",
                    admin.clientSecret(Keycloak.REALM, "portail-notifier"));
            // what autoconfig, autodiscover and the Apple profile tell mail clients: this workstation's doors
            config.put("gateway.mail-clients.imap-host", "localhost");
            config.put("gateway.mail-clients.imap-port", String.valueOf(settings.imapTlsPort()));
            config.put("gateway.mail-clients.imap-start-tls-port", String.valueOf(settings.imapPort()));
            config.put("gateway.mail-clients.smtp-host", "localhost");
            config.put("gateway.mail-clients.smtp-port", String.valueOf(settings.submissionTlsPort()));
            config.put("gateway.mail-clients.smtp-start-tls-port", String.valueOf(settings.submissionPort()));
            config.put("gateway.mail-clients.oauth-issuer", keycloak.realmUrl());
            // a recovery address's code and letters leave through the outbound relay: here the sink
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", String.valueOf(smtp.port()));
        }
        return config;
    }

    /**
     * The addresses of the other services a service calls, as its configuration names them: the gateway relays to
     * the three services, colibris-service sends notifications to mail-service. {@code url} gives a service's base URL
     * (starting it first if needed).
     */
    public static Map<String, String> linksFor(Service service, java.util.function.Function<Service, String> url) {
        Map<String, String> links = new LinkedHashMap<>();
        if (service == Service.GATEWAY) {
            for (Service backend : new Service[] {Service.MAIL, Service.IPROF, Service.COLIBRIS}) {
                links.put(backend.gatewayUrlKey(), url.apply(backend));
            }
        } else if (service == Service.COLIBRIS) {
            links.put("colibris.mail-url", url.apply(Service.MAIL));
        }
        return links;
    }

    /** Points the realm's {@code portail} client (redirects, back-channel logout) at the gateway's address. */
    public void registerGateway(String gatewayUrl) {
        ObjectNode client = (ObjectNode) admin.client(Keycloak.REALM, "portail");
        client.put("rootUrl", gatewayUrl);
        ((ObjectNode) client.get("attributes")).put("backchannel.logout.url", gatewayUrl + "/auth/backchannel-logout");
        admin.updateClient(Keycloak.REALM, client);
    }

    /** Starts a service from its built jar on the port, with extra configuration, and waits until it is ready. */
    public synchronized ChildProcess startService(Service service, Path root, int port, Map<String, String> extra) {
        Path jar = service.jar(root);
        if (!Files.exists(jar)) {
            throw new StackException(service.module() + " is not built (" + jar + " is missing). Run ./mvnw package -DskipTests.");
        }
        Map<String, String> config = new LinkedHashMap<>(configFor(service));
        config.putAll(extra);
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("quarkus.http.host", "127.0.0.1");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions(service, jar));
        Map<String, String> env = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (key.endsWith("secret") || key.endsWith("password")) {
                env.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value); // secrets stay out of `ps`
            } else {
                command.add("-D" + key + "=" + value);
            }
        });
        // run from the jar's directory: the class-data archive records the class path as Quarkus built it
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        // started before by this stack and ended since (a crash): its log says why, so the new one is appended to it
        boolean again = services.removeIf(ended -> ended.name().equals(service.module()) && !ended.isAlive());
        ChildProcess process = ChildProcess.start(service.module(), command, env, jar.getParent(),
                logOf(service), again);
        services.add(process);
        try {
            process.awaitReady(URI.create("http://127.0.0.1:" + port + "/q/health/ready"), Duration.ofSeconds(90));
        } catch (StackException notReady) {
            process.close(); // one that never got ready is not left running
            throw notReady;
        }
        return process;
    }

    /** Stops the services (last started first), then Keycloak, then PostgreSQL. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            quietly(services.get(i));
        }
        services.clear();
        quietly(keycloak);
        quietly(smtp);
        quietly(dns);
        quietly(postgres);
        keycloak = null;
        smtp = null;
        dns = null;
        postgres = null;
    }

    /** One part failing to stop must not leave the others running. */
    private static void quietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("While stopping: " + e.getMessage());
        }
    }

    public static String javaExecutable() {
        String java = System.getProperty(JAVA, "");
        return java.isBlank() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : java;
    }

    /**
     * The JVM options of a service's start: {@link #JVM_OPTIONS its own} (small and quick to start by default, C1 only;
     * the benchmarks also measure with the JIT's second tier), then what it starts from — what an earlier start
     * learned: its {@link #AOT_CACHE AOT cache} when asked for (a start that records it takes the
     * {@link #AOT_RECORDING_JVM_OPTIONS recording options} when given), else the class-data archive Quarkus builds
     * with the jar (AppCDS, for the JDK that built it).
     */
    private static List<String> jvmOptions(Service service, Path jar) {
        String own = System.getProperty(JVM_OPTIONS, DEFAULT_JVM_OPTIONS);
        String aot = System.getProperty(AOT_CACHE, "");
        if (aot.isBlank()) {
            Path classDataArchive = jar.resolveSibling("app-cds.jsa");
            return options(own, Files.exists(classDataArchive) ? "-XX:SharedArchiveFile=" + classDataArchive : "-Xshare:auto");
        }
        Path cache = Path.of(aot, service.module() + ".aot");
        if (Files.exists(cache)) {
            return options(own, "-XX:AOTCache=" + cache);
        }
        try {
            Files.createDirectories(cache.getParent()); // the JVM writes its cache only into a directory that exists
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String recording = System.getProperty(AOT_RECORDING_JVM_OPTIONS, "");
        return options(recording.isBlank() ? own : recording, "-XX:AOTCacheOutput=" + cache);
    }

    private static List<String> options(String spaceSeparated, String startUp) {
        List<String> options = new ArrayList<>(List.of(spaceSeparated.trim().split("\\s+")));
        options.add(startUp);
        return options;
    }

    /** Reads the secret kept in the file, or creates one readable by its owner only. */
    private static String secret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String secret = HexFormat.of().formatHex(bytes);
            Files.writeString(file, secret);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path realmFile(Path data) {
        try (InputStream in = Stack.class.getResourceAsStream("/stack/" + REALM_FILE)) {
            Path file = data.resolve(REALM_FILE);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
