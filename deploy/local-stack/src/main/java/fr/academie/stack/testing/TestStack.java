package fr.academie.stack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.academie.stack.ChildProcess;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Keycloak;
import fr.academie.stack.KeycloakAdmin;
import fr.academie.stack.Ports;
import fr.academie.stack.Service;
import fr.academie.stack.Stack;
import fr.academie.stack.StackException;
import fr.academie.stack.Supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The stack for one test JVM: PostgreSQL and Keycloak started once on free ports, in a fresh data
 * directory, the Keycloak install shared by every module under the checkout's {@code target/}.
 * Stopped by a shutdown hook when the JVM ends.
 */
public final class TestStack {

    /** A realm that is not the académie's: its tokens must be refused everywhere. */
    public static final String OTHER_REALM = "autre-academie";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static TestStack instance;

    private final Path root;
    private final Stack stack;
    private final Tokens tokens;
    private String rotatedKeyId;
    private final Map<Service, String> services = new EnumMap<>(Service.class);
    private final Map<Service, ChildProcess> processes = new EnumMap<>(Service.class);
    private final Map<Service, Map<String, String>> configs = new EnumMap<>(Service.class);
    private ChildProcess replica;
    private Map<String, String> replicaConfig;
    private String replicaUrl;
    private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();

    private TestStack(Path root, Stack stack) {
        this.root = root;
        this.stack = stack;
        this.tokens = new Tokens(stack.keycloak().realmUrl());
    }

    public static synchronized TestStack get() {
        if (instance == null) {
            Path root = checkoutRoot();
            try {
                Path data = Files.createTempDirectory(Files.createDirectories(root.resolve("target")), "test-stack-");
                // logs stay in the module's target/ after the run, for whoever reads a failure
                Path logs = Path.of("target", "stack-logs").toAbsolutePath();
                Stack stack = Stack.start(new Stack.Settings(data, root.resolve("target/keycloak"), logs, Ports.free(),
                        Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                        Ports.free(), Ports.free(), false));
                instance = new TestStack(root, stack);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    deleteQuietly(data);
                }, "test-stack-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public Stack stack() {
        return stack;
    }

    public String realmUrl() {
        return stack.keycloak().realmUrl();
    }

    /** Starts the service from its built jar, with demo data, once per JVM; returns its base URL. */
    public synchronized String service(Service service) {
        return service(service, Map.of());
    }

    /**
     * Starts the service from its built jar, with demo data and extra configuration (the benchmarks raise limits),
     * once per JVM; returns its base URL.
     */
    public synchronized String service(Service service, Map<String, String> extra) {
        String running = services.get(service);
        if (running != null) {
            return running;
        }
        Map<String, String> config = new LinkedHashMap<>(extra);
        config.putAll(Stack.linksFor(service, this::service));
        config.put("portail.demo-data", "true");
        int port = Ports.free();
        configs.put(service, config);
        processes.put(service, stack.startService(service, root, port, config));
        services.put(service, "http://127.0.0.1:" + port);
        return services.get(service);
    }

    /** Stops a service started by {@link #service} (an outage, for the tests of what survives one). */
    public synchronized void stop(Service service) {
        ChildProcess process = processes.remove(service);
        if (process != null) {
            process.close();
        }
    }

    /** Kills a service started by {@link #service} (SIGKILL: a crash, for the tests of what survives one). */
    public synchronized void kill(Service service) {
        ChildProcess process = processes.remove(service);
        if (process != null) {
            process.kill();
        }
    }

    /** Stops Keycloak (an outage of the académie's authentication, for the tests of what survives one). */
    public synchronized void stopKeycloak() {
        stack.keycloak().close();
    }

    /** Starts Keycloak again after {@link #stopKeycloak}, on the same ports and database; returns once it is ready. */
    public synchronized void startKeycloak() {
        stack.restartKeycloak();
    }

    /** Restarts PostgreSQL under every running service (stopped cleanly, started again on the same port and data). */
    public synchronized void restartPostgres() {
        stack.restartPostgres();
    }

    /** Stops a service started by {@link #service} from answering, connections left open (SIGSTOP): a hung service. */
    public synchronized void freeze(Service service) {
        processes.get(service).signal("STOP");
    }

    /** Lets a {@link #freeze frozen} service go on (SIGCONT). */
    public synchronized void thaw(Service service) {
        processes.get(service).signal("CONT");
    }

    /**
     * Starts again a service {@link #stop stopped} or {@link #kill killed}, at the same address and with the same
     * configuration.
     */
    public synchronized void restart(Service service) {
        restart(service, Map.of());
    }

    /** When the service's running process was launched ({@link ChildProcess#launchedNanos()}). */
    public synchronized long launchedNanos(Service service) {
        return processes.get(service).launchedNanos();
    }

    /**
     * Starts again a service stopped, at the same address, its configuration changed by these entries for this start
     * (a benchmark starts it as production does: {@code portail.demo-data=false}).
     */
    public synchronized void restart(Service service, Map<String, String> changes) {
        if (!processes.containsKey(service)) {
            int port = URI.create(services.get(service)).getPort();
            Map<String, String> config = new LinkedHashMap<>(configs.get(service));
            config.putAll(changes);
            processes.put(service, stack.startService(service, root, port, config));
        }
    }

    /**
     * Until the handle returned is closed, a service or the gateway (from {@link #gateway}) that ends is started again
     * by {@code ./run}'s own {@link Supervisor} (its French lines on this JVM's output), as {@code ./run} or Kubernetes
     * would; {@link #crash} then leaves the restart to it.
     */
    public synchronized AutoCloseable supervised() {
        Supervisor watch = new Supervisor(System.out);
        processes.forEach((service, process) ->
                watch.watch(new Supervisor.Part(service.module(), () -> startAgain(service)), process));
        return () -> {
            synchronized (this) {
                watch.close();
            }
        };
    }

    private ChildProcess startAgain(Service service) {
        int port;
        Map<String, String> config;
        synchronized (this) {
            port = URI.create(services.get(service)).getPort();
            config = configs.get(service);
        }
        ChildProcess process = stack.startService(service, root, port, config);
        synchronized (this) {
            processes.put(service, process);
        }
        return process;
    }

    /**
     * Kills a {@link #supervised} service or gateway (SIGKILL: a crash) and waits until the supervisor has it ready
     * again (at most two minutes).
     */
    public void crash(Service service) throws InterruptedException {
        ChildProcess crashed;
        synchronized (this) {
            crashed = processes.get(service);
        }
        crashed.kill();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            synchronized (this) {
                if (processes.get(service) != crashed) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new StackException(service.module() + " was not started again within two minutes");
    }

    /**
     * A second gateway replica from its jar, beside {@link #gateway}'s: the same database and sessions' secret,
     * relaying to the same services. The realm is not pointed at it: sign-ins and back-channel
     * logouts go to the first, as an ingress would send them to any one replica. Once per JVM; returns its base URL.
     */
    public synchronized String gatewayReplica() {
        if (replicaUrl == null) {
            int port = Ports.free();
            replicaConfig = new LinkedHashMap<>(Stack.linksFor(Service.GATEWAY, this::service));
            replicaConfig.put("gateway.public-url", "http://localhost:" + port);
            replica = stack.startService(Service.GATEWAY, root, port, replicaConfig);
            replicaUrl = "http://localhost:" + port;
        }
        return replicaUrl;
    }

    /** Kills the second replica (SIGKILL) and starts it again on the same address: what it held in memory is gone. */
    public synchronized void restartGatewayReplica() {
        replica.kill();
        replica = stack.startService(Service.GATEWAY, root, URI.create(replicaUrl).getPort(), replicaConfig);
    }

    /**
     * The gateway started from its jar in front of the three services, with extra configuration (the benchmarks
     * raise the rate limits), once per JVM; returns its base URL, which the realm's {@code portail} client accepts.
     * {@link #kill} and {@link #restart} take it down and up again like a service.
     */
    public synchronized String gateway(Map<String, String> extra) {
        String running = services.get(Service.GATEWAY);
        if (running != null) {
            return running;
        }
        Map<String, String> config = new LinkedHashMap<>(extra);
        config.putAll(Stack.linksFor(Service.GATEWAY, this::service));
        int port = Ports.free();
        String url = "http://localhost:" + port;
        config.put("gateway.public-url", url);
        stack.registerGateway(url);
        configs.put(Service.GATEWAY, config);
        processes.put(Service.GATEWAY, stack.startService(Service.GATEWAY, root, port, config));
        services.put(Service.GATEWAY, url);
        return url;
    }

    /** A {@code portail} access token for the demo user, as the gateway would hold it. */
    public String accessToken(String username) {
        return accessToken("portail", username);
    }

    /** An access token issued to the client for the demo user (cached until a minute before it expires). */
    public String accessToken(String clientId, String username) {
        CachedToken cached = cache.get(clientId + "/" + username);
        if (cached == null || cached.expires().isBefore(Instant.now().plusSeconds(60))) {
            JsonNode response = tokens.signIn(client(clientId), username, DemoAccounts.PASSWORD);
            cached = new CachedToken(response.get("access_token").asText(),
                    Instant.now().plusSeconds(response.get("expires_in").asLong()));
            cache.put(clientId + "/" + username, cached);
        }
        return cached.token();
    }

    /** The portal's sign-in page at Keycloak, as a browser sent there by "Se connecter" gets it (PKCE, no session). */
    public HttpResponse<String> portalSignInPage(Browser browser) {
        return browser.get(new Tokens(realmUrl()).authorizationUri(client("portail"), Tokens.challenge(Tokens.random())));
    }

    /** What Keycloak's brute-force detector knows of the account: {@code numFailures}, {@code disabled}... */
    public JsonNode bruteForceState(Account account) {
        return stack().admin().read("/admin/realms/" + Keycloak.REALM + "/attack-detection/brute-force/users/" + account.id());
    }

    /** A throwaway account of the realm, for a test that changes an account's state (lockout, password...). */
    public record Account(String id, String username, String email) {
    }

    /** Creates a fresh account with the demo password and the realm roles given. */
    public Account newAccount(String... realmRoles) {
        return newAccount(Map.of(), realmRoles);
    }

    /** Creates a fresh account with the demo password, the user attributes (uai...) and the realm roles given. */
    public Account newAccount(Map<String, String> attributes, String... realmRoles) {
        String username = "essai" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@ac-orleans-tours.fr";
        ObjectNode representation = new ObjectMapper().createObjectNode().put("ifResourceExists", "FAIL");
        ObjectNode user = representation.putArray("users").addObject().put("username", username).put("email", email)
                .put("firstName", "Camille").put("lastName", "Essai").put("enabled", true).put("emailVerified", true);
        ObjectNode userAttributes = user.putObject("attributes");
        attributes.forEach((name, value) -> userAttributes.putArray(name).add(value));
        ArrayNode roles = user.putArray("realmRoles");
        for (String role : realmRoles) {
            roles.add(role);
        }
        user.putArray("credentials").addObject().put("type", "password").put("value", DemoAccounts.PASSWORD)
                .put("temporary", false);
        stack.admin().partialImport(Keycloak.REALM, representation);
        String id = stack.admin().read("/admin/realms/" + Keycloak.REALM + "/users?exact=true&username=" + username)
                .get(0).get("id").asText();
        return new Account(id, username, email);
    }

    /** The realm's published signing keys (JWKS), as any client reads them. */
    public JsonNode jwks() {
        HttpResponse<String> response = new Browser().get(URI.create(realmUrl() + "/protocol/openid-connect/certs"));
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes Keycloak sign with a new RSA key (a key provider of higher priority), as an administrator rotating
     * keys would; once per test JVM. Returns the new key's id.
     */
    public synchronized String rotateSigningKey() {
        if (rotatedKeyId == null) {
            KeycloakAdmin admin = stack.admin();
            String realmId = admin.read("/admin/realms/" + Keycloak.REALM).get("id").asText();
            ObjectNode component = new ObjectMapper().createObjectNode().put("name", "rotation-de-cle")
                    .put("providerId", "rsa-generated").put("providerType", "org.keycloak.keys.KeyProvider")
                    .put("parentId", realmId);
            ObjectNode config = component.putObject("config");
            config.putArray("priority").add("500");
            config.putArray("algorithm").add("RS256");
            config.putArray("active").add("true");
            config.putArray("enabled").add("true");
            admin.create("/admin/realms/" + Keycloak.REALM + "/components", component);
            for (JsonNode key : admin.read("/admin/realms/" + Keycloak.REALM + "/keys").get("keys")) {
                if ("RS256".equals(key.path("algorithm").asText()) && key.path("providerPriority").asLong() == 500) {
                    rotatedKeyId = key.get("kid").asText();
                }
            }
            cache.clear(); // the tokens signed with the previous key are still valid, but new ones are wanted
        }
        return rotatedKeyId;
    }

    /** A client-credentials token of one of the realm's service accounts (colibris-notifier, portail-admin). */
    public String serviceToken(String clientId) {
        return tokens.clientCredentials(client(clientId));
    }

    /** A client of the académie realm with its real secret and a redirect URI registered for it. */
    public Tokens.Client client(String clientId) {
        // a public client (the mail clients') has no secret: an empty one is ignored by Keycloak
        String secret = stack.admin().client(Keycloak.REALM, clientId).path("publicClient").asBoolean() ? ""
                : stack.admin().clientSecret(Keycloak.REALM, clientId);
        String redirect = switch (clientId) {
            // the gateway's address, as registered for this JVM (the gateway's tests move it to their port)
            case "portail" -> stack.admin().client(Keycloak.REALM, clientId).get("rootUrl").asText() + "/";
            case "pronote" -> "https://pronote.ac-orleans-tours.fr/";
            case "educonnect" -> "https://educonnect.education.gouv.fr/";
            default -> "http://localhost/" + clientId + "/";
        };
        return new Tokens.Client(clientId, secret, redirect);
    }

    /**
     * A token carrying every audience of a {@code portail} token but issued by another realm on the same
     * Keycloak, hence signed with another key and naming another issuer.
     */
    public synchronized String foreignToken() {
        KeycloakAdmin admin = stack.admin();
        if (!admin.realmExists(OTHER_REALM)) {
            ObjectNode realm = NODES.objectNode().put("realm", OTHER_REALM).put("enabled", true);
            realm.putArray("clients").addObject()
                    .put("clientId", "intrus").put("secret", "intrus-secret").put("publicClient", false)
                    .put("standardFlowEnabled", true).put("directAccessGrantsEnabled", false)
                    .putArray("redirectUris").add("http://localhost/intrus/*");
            ObjectNode user = realm.putArray("users").addObject().put("username", "lmartin").put("enabled", true)
                    .put("email", "lena.martin@ac-orleans-tours.fr").put("firstName", "Léna").put("lastName", "Martin")
                    .put("emailVerified", true);
            user.putArray("credentials").addObject().put("type", "password").put("value", DemoAccounts.PASSWORD);
            addAudiences(((ObjectNode) realm.get("clients").get(0)).putArray("protocolMappers"), "included.custom.audience");
            admin.createRealm(realm);
        }
        Tokens foreign = new Tokens(stack.keycloak().baseUrl() + "/realms/" + OTHER_REALM);
        return foreign.signIn(new Tokens.Client("intrus", "intrus-secret", "http://localhost/intrus/"), "lmartin",
                DemoAccounts.PASSWORD).get("access_token").asText();
    }

    /** A real token and when it expires. */
    public record ShortLivedToken(String value, Instant expires) {
    }

    /** What a test does while the stack is set up for it (it may throw anything). */
    public interface Step {
        void run() throws Exception;
    }

    /**
     * Runs {@code step} while the gateway's tokens ({@code portail} client) live {@code tokenSeconds} and Keycloak
     * stores token refreshes (it does not by default), so that {@link #refreshes} counts the gateway's renewals; both
     * as shipped again after.
     */
    public void countingRefreshes(int tokenSeconds, Step step) throws Exception {
        KeycloakAdmin admin = stack.admin();
        ObjectNode portail = (ObjectNode) admin.client(Keycloak.REALM, "portail");
        ObjectNode asShipped = portail.deepCopy();
        ((ObjectNode) portail.get("attributes")).put("access.token.lifespan", String.valueOf(tokenSeconds));
        admin.updateClient(Keycloak.REALM, portail);
        String eventsConfig = "/admin/realms/" + Keycloak.REALM + "/events/config";
        JsonNode eventsAsShipped = admin.read(eventsConfig);
        ObjectNode counting = eventsAsShipped.deepCopy();
        counting.putArray("enabledEventTypes").add("REFRESH_TOKEN").add("LOGIN").add("LOGIN_ERROR").add("CODE_TO_TOKEN");
        admin.update(eventsConfig, counting);
        try {
            step.run();
        } finally {
            admin.updateClient(Keycloak.REALM, asShipped);
            admin.update(eventsConfig, eventsAsShipped);
        }
    }

    /** The token refreshes Keycloak stored for the account (during {@link #countingRefreshes}). */
    public JsonNode refreshes(Account account) throws IOException {
        return stack.admin().read("/admin/realms/" + Keycloak.REALM + "/events?type=REFRESH_TOKEN&user=" + account.id());
    }

    /** A real token with the audiences of a {@code portail} token that lives 3 s, so a test can see it expire. */
    public synchronized ShortLivedToken shortLivedToken(String username) {
        KeycloakAdmin admin = stack.admin();
        String clientId = "tests-jeton-court";
        try {
            admin.client(Keycloak.REALM, clientId);
        } catch (StackException missing) {
            ObjectNode client = NODES.objectNode().put("clientId", clientId).put("secret", "tests-secret")
                    .put("publicClient", false).put("standardFlowEnabled", true).put("directAccessGrantsEnabled", false);
            client.putArray("redirectUris").add("http://localhost/" + clientId + "/*");
            client.putObject("attributes").put("access.token.lifespan", "3");
            addAudiences(client.putArray("protocolMappers"), "included.client.audience");
            admin.createClient(Keycloak.REALM, client);
        }
        JsonNode response = tokens.signIn(client(clientId), username, DemoAccounts.PASSWORD);
        return new ShortLivedToken(response.get("access_token").asText(),
                Instant.now().plusSeconds(response.get("expires_in").asLong()));
    }

    private static void addAudiences(ArrayNode mappers, String key) {
        for (Service service : new Service[] {Service.MAIL, Service.IPROF, Service.COLIBRIS}) {
            ObjectNode mapper = mappers.addObject().put("name", "audience " + service.module())
                    .put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper");
            mapper.putObject("config").put(key, service.module()).put("access.token.claim", "true");
        }
    }

    private record CachedToken(String token, Instant expires) {
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e.getMessage());
        }
    }

    /** The checkout's root: given by Maven ({@code portail.root}), else the nearest parent holding {@code mvnw}. */
    static Path checkoutRoot() {
        String configured = System.getProperty("portail.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new StackException("Cannot find the root of the checkout; set -Dportail.root=<path>");
    }
}
