package fr.academie.e2e;

import fr.academie.stack.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./run} as a newcomer uses it, on free ports and a fresh data directory: it reaches "ready", the
 * portal answers, SIGTERM leaves no process behind, a second start keeps the data, a service killed is started again
 * and said so, and PostgreSQL's end stops the whole portal with a message.
 */
class LocalStackIT {

    private static final Path ROOT = Path.of(System.getProperty("portail.root"));
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path data;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhateverIsLeft() {
        started.forEach(process -> process.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theStackStartsAnswersStopsCleanlyAndKeepsItsDataAcrossRestarts() throws Exception {
        Map<String, String> env = freePorts();
        Path output = data.resolve("first.log");
        Process first = run(env, output);
        awaitReady(first, output);
        int gateway = Integer.parseInt(env.get("PORTAIL_GATEWAY_PORT"));
        assertEquals(200, status("http://127.0.0.1:" + gateway + "/q/health/ready"));
        // an anonymous visit (that has passed the gateway's cookie check) is sent to sign in at Keycloak
        HttpResponse<Void> home = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + "/"))
                .header("Cookie", "portail_cookies=1").build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, home.statusCode(), "an anonymous visit is sent to sign in");
        assertTrue(home.headers().firstValue("Location").orElseThrow()
                .startsWith("http://localhost:" + env.get("PORTAIL_KEYCLOAK_PORT") + "/realms/ac-orleans-tours/"));
        assertTrue(Files.readString(output).contains("lmartin"), "the accounts table is printed");
        assertTrue(Files.readString(output).contains("Mail clients: IMAP localhost:" + env.get("PORTAIL_IMAP_PORT")),
                "the mail clients' ports are printed");
        assertTrue(Files.readString(data.resolve("logs/mail-service.log")).contains("IMAP listening on"),
                "IMAP is open in the local stack");

        stopAndAssertNothingLeft(first, output);
        String keycloakLog = Files.readString(data.resolve("logs/keycloak.log"));
        assertTrue(keycloakLog.contains("Realm 'ac-orleans-tours' imported"), "the realm is imported at first start");

        Path secondOutput = data.resolve("second.log");
        Process second = run(env, secondOutput);
        awaitReady(second, secondOutput);
        String secondLog = Files.readString(data.resolve("logs/keycloak.log"));
        assertFalse(secondLog.contains("Realm 'ac-orleans-tours' imported"), "the second start keeps the realm");
        assertTrue(Files.readString(data.resolve("logs/mail-service.log")).contains("Schema \"public\" is up to date"),
                "the second start keeps the mail database");

        int mail = Integer.parseInt(env.get("PORTAIL_MAIL_PORT"));
        child(second, "-Dquarkus.http.port=" + mail).destroyForcibly(); // kill -9, as a crash
        awaitLine(second, secondOutput, "mail-service a redémarré");
        assertTrue(Files.readString(secondOutput).contains("mail-service s'est arrêté (code 137) ; redémarrage dans 1 s. "
                + "Journal : " + data.resolve("logs/mail-service.log")), Files.readString(secondOutput));
        assertEquals(200, status("http://127.0.0.1:" + mail + "/q/health/ready"), "mail-service is back");
        assertTrue(Files.readString(data.resolve("logs/mail-service.log")).split("Installed features", -1).length == 3,
                "the crashed run's log is kept, the new one appended to it");

        // pg_ctl starts PostgreSQL detached: its process is found as pg_ctl finds it
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
        ProcessHandle postgres = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = second.descendants().toList();
        postgres.destroyForcibly();
        assertTrue(second.waitFor(2, TimeUnit.MINUTES), "./run stops when PostgreSQL is gone");
        assertEquals(1, second.exitValue());
        assertTrue(Files.readString(secondOutput).contains("PostgreSQL s'est arrêté : rien ne fonctionne sans lui, le "
                + "portail s'arrête."), Files.readString(secondOutput));
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** The child process of {@code ./run} whose command line holds the text. */
    private static ProcessHandle child(Process run, String text) {
        return run.descendants().filter(child -> child.info().commandLine().orElse("").contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no child process with " + text));
    }

    private static void awaitLine(Process process, Path output, String line) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(output).contains(line)) {
                return;
            }
            assertTrue(process.isAlive(), () -> "./run stopped:\n" + output);
            Thread.sleep(500);
        }
        throw new AssertionError("./run did not say \"" + line + "\" within 2 minutes:\n" + Files.readString(output));
    }

    @Test
    void aBusyPortIsNamedWithTheSettingThatChangesIt() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = freePorts();
            env.put("PORTAIL_GATEWAY_PORT", String.valueOf(busy.getLocalPort()));
            Path log = data.resolve("run.log");
            Process process = run(env, log);
            assertTrue(process.waitFor(5, TimeUnit.MINUTES));
            assertEquals(1, process.exitValue());
            String output = Files.readString(log);
            assertTrue(output.contains("Port " + busy.getLocalPort()), output);
            assertTrue(output.contains("PORTAIL_GATEWAY_PORT"), output);
        }
    }

    private Map<String, String> freePorts() {
        Map<String, String> env = new HashMap<>();
        for (String part : List.of("POSTGRES", "KEYCLOAK", "KEYCLOAK_MANAGEMENT", "GATEWAY", "MAIL", "IPROF", "COLIBRIS",
                "SMTP", "MX", "IMAP", "IMAPS", "SUBMISSION", "SUBMISSIONS")) {
            env.put("PORTAIL_" + part + "_PORT", String.valueOf(Ports.free()));
        }
        env.put("PORTAIL_DATA", data.toString());
        env.put("PORTAIL_NO_BUILD", "1"); // the reactor has just built every jar
        return env;
    }

    private Process run(Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("run").toString()).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static void awaitReady(Process process, Path output) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (Instant.now().isBefore(deadline)) {
            String text = Files.exists(output) ? Files.readString(output) : "";
            if (text.contains("Portail agents is ready")) {
                return;
            }
            assertTrue(process.isAlive(), () -> "./run stopped before it was ready:\n" + text);
            Thread.sleep(1_000);
        }
        throw new AssertionError("./run was not ready within 6 minutes:\n" + Files.readString(output));
    }

    private static void stopAndAssertNothingLeft(Process process, Path output) throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        assertTrue(children.size() >= 6, "PostgreSQL, Keycloak and four services run as children: " + children.size());
        process.destroy(); // SIGTERM, as systemd or a terminal closing would send
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "./run stops within two minutes");
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), () -> "left behind: " + child.info().commandLine().orElse("pid " + child.pid()));
        }
        assertTrue(Files.readString(output).contains("Stopped."));
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
