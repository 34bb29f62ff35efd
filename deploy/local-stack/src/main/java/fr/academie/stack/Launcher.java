package fr.academie.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run}: the whole portal on this machine with its embedded defaults, data kept in
 * {@code .stack-data/} so that a restart keeps every mail, record and request. A service or Keycloak that ends by
 * itself is started again ({@link Supervisor}). Ctrl-C or SIGTERM stops every child process.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            run();
        } catch (StackException e) {
            System.err.println("\nThe portal could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run() throws InterruptedException {
        Instant started = Instant.now();
        Path root = Path.of(System.getProperty("portail.root", "")).toAbsolutePath();
        Map<String, Integer> ports = ports();
        ports.forEach((setting, port) -> Ports.requireFree(port, setting.replace("PORTAIL_", "").replace("_PORT", "")
                .toLowerCase(), setting));
        Path data = Path.of(env("PORTAIL_DATA", root.resolve(".stack-data").toString())).toAbsolutePath();

        System.out.println("Starting PostgreSQL and Keycloak (data in " + data + ") ...");
        Stack stack = new Stack(new Stack.Settings(data, data.resolve("keycloak"), data.resolve("logs"),
                ports.get("PORTAIL_POSTGRES_PORT"), ports.get("PORTAIL_KEYCLOAK_PORT"),
                ports.get("PORTAIL_KEYCLOAK_MANAGEMENT_PORT"), ports.get("PORTAIL_SMTP_PORT"),
                ports.get("PORTAIL_MX_PORT"), ports.get("PORTAIL_IMAP_PORT"), ports.get("PORTAIL_IMAPS_PORT"),
                ports.get("PORTAIL_SUBMISSION_PORT"), ports.get("PORTAIL_SUBMISSIONS_PORT"),
                ports.get("PORTAIL_MANAGESIEVE_PORT"), true));
        CountDownLatch stopped = new CountDownLatch(1);
        Supervisor supervisor = new Supervisor(System.out);
        // registered before anything starts, so that Ctrl-C or SIGTERM at any moment leaves nothing behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the portal ...");
            supervisor.close();
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "portail-stop"));
        stack.start();
        System.out.printf("  Keycloak ready after %d s%n", Duration.between(started, Instant.now()).toSeconds());

        String gatewayUrl = "http://localhost:" + ports.get("PORTAIL_GATEWAY_PORT");
        stack.registerGateway(gatewayUrl);
        Map<Service, String> urls = new LinkedHashMap<>();
        for (Service service : Service.values()) { // the gateway last, colibris-service after mail-service
            int port = ports.get("PORTAIL_" + service.name() + "_PORT");
            Instant serviceStart = Instant.now();
            Map<String, String> config = new LinkedHashMap<>(Stack.linksFor(service, urls::get));
            if (service == Service.GATEWAY) {
                config.put("gateway.public-url", gatewayUrl);
            }
            ChildProcess process = stack.startService(service, root, port, config);
            supervisor.watch(new Supervisor.Part(service.module(), () -> stack.startService(service, root, port, config)),
                    process);
            urls.put(service, "http://127.0.0.1:" + port);
            System.out.printf("  %-16s ready on port %d after %.1f s%n", service.module(), port,
                    Duration.between(serviceStart, Instant.now()).toMillis() / 1000.0);
        }
        supervisor.watch(new Supervisor.Part("Keycloak", () -> stack.restartKeycloak().process()),
                stack.keycloak().process());
        supervisor.watchPostgres(stack.postgres(), data.resolve("logs/postgres.log").toString(), () -> System.exit(1));
        printReady(gatewayUrl, stack.keycloak().baseUrl(), ports, Duration.between(started, Instant.now()));
        stopped.await();
    }

    private static void printReady(String gatewayUrl, String keycloakUrl, Map<String, Integer> ports, Duration took) {
        System.out.printf("%nPortail agents is ready (%d s). Sign in at %s/%n", took.toSeconds(), gatewayUrl);
        System.out.println("Keycloak: " + keycloakUrl + "  (realm " + Keycloak.REALM + ")");
        System.out.println("Mail from the internet (MX, SMTP): localhost:" + ports.get("PORTAIL_MX_PORT")
                + "; to addresses outside the académie: .eml files in the data directory's smtp-sink/");
        System.out.println("Mail clients: IMAP localhost:" + ports.get("PORTAIL_IMAP_PORT") + " (STARTTLS) or "
                + ports.get("PORTAIL_IMAPS_PORT") + " (TLS), SMTP submission localhost:" + ports.get("PORTAIL_SUBMISSION_PORT")
                + " (STARTTLS) or " + ports.get("PORTAIL_SUBMISSIONS_PORT") + " (TLS), ManageSieve localhost:"
                + ports.get("PORTAIL_MANAGESIEVE_PORT") + " (STARTTLS), self-signed certificate;"
                + " sign in with an application password made on " + gatewayUrl + "/compte");
        System.out.println("Demo accounts, password " + DemoAccounts.PASSWORD + " :");
        System.out.printf("  %-9s %-30s %-32s %s%n", "identifier", "person", "roles", "uai");
        DemoAccounts.all().values().forEach(account -> System.out.printf("  %-9s %-30s %-32s %s%n",
                account.username(), account.displayName(), account.roles(), account.uai()));
        System.out.println("Ctrl-C stops everything.");
    }

    /** Each port and the environment variable that changes it. */
    private static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PORTAIL_POSTGRES_PORT", port("PORTAIL_POSTGRES_PORT", 5433));
        ports.put("PORTAIL_KEYCLOAK_PORT", port("PORTAIL_KEYCLOAK_PORT", 8180));
        ports.put("PORTAIL_KEYCLOAK_MANAGEMENT_PORT", port("PORTAIL_KEYCLOAK_MANAGEMENT_PORT", 9180));
        ports.put("PORTAIL_SMTP_PORT", port("PORTAIL_SMTP_PORT", 2525));
        ports.put("PORTAIL_MX_PORT", port("PORTAIL_MX_PORT", 2526));
        ports.put("PORTAIL_IMAP_PORT", port("PORTAIL_IMAP_PORT", 1143));
        ports.put("PORTAIL_IMAPS_PORT", port("PORTAIL_IMAPS_PORT", 1993));
        ports.put("PORTAIL_SUBMISSION_PORT", port("PORTAIL_SUBMISSION_PORT", 1587));
        ports.put("PORTAIL_SUBMISSIONS_PORT", port("PORTAIL_SUBMISSIONS_PORT", 1465));
        ports.put("PORTAIL_MANAGESIEVE_PORT", port("PORTAIL_MANAGESIEVE_PORT", 14190));
        for (Service service : Service.values()) {
            String setting = "PORTAIL_" + service.name() + "_PORT";
            ports.put(setting, port(setting, service.defaultPort()));
        }
        return ports;
    }

    private static int port(String setting, int defaultPort) {
        String value = env(setting, String.valueOf(defaultPort));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StackException(setting + " must be a port number, not '" + value + "'");
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
