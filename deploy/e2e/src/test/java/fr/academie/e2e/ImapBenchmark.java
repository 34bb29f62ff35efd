package fr.academie.e2e;

import fr.academie.stack.Service;
import fr.academie.stack.Stack;
import fr.academie.stack.testing.MailClients;
import fr.academie.stack.testing.TestStack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * IMAP on a big folder, on loopback against the real stack (mail-service from its jar): a 100,000-message inbox
 * written by SQL (numbered by the database's triggers, as every delivery is), then what a mail client does when it
 * opens it — SELECT, then UID FETCH 1:* (FLAGS) — by Python's imaplib on fresh connections, five times; with
 * mail-service's resident memory before and after. Then a first sync of a 10,000-message mailbox by mbsync. Prints the
 * figures; asserts nothing.
 * Run: {@code ./mvnw -pl deploy/e2e -am -Pbench-imap verify -DskipTests} (a few minutes, nothing else running).
 */
public final class ImapBenchmark {

    private static final int MESSAGES = 100_000;
    private static final int RUNS = 5;
    private static final int SYNCED = 10_000;

    private final TestStack stack = TestStack.get();

    private ImapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new ImapBenchmark().run();
        System.exit(0); // the stack stops with the JVM (TestStack's shutdown hook)
    }

    private void run() throws Exception {
        System.out.println("Services' JVM options: " + System.getProperty(Stack.JVM_OPTIONS, "(the stack's defaults)"));
        String mail = stack.service(Service.MAIL);
        TestStack.Account account = stack.newAccount("personnel");
        String inbox = inbox(mail, stack.accessToken(account.username()));
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(stack.stack().jdbcUrl("mail"), "mail", "");
             Statement sql = connection.createStatement()) {
            for (int from = 0; from < MESSAGES; from += 20_000) {
                sql.executeUpdate(MailBenchmark.insert(account.id(), 1, MESSAGES, from, from + 20_000));
            }
            sql.execute("vacuum analyze");
        }
        System.out.printf("Fill: %,d messages in the inbox after %.0f s%n", MESSAGES, (System.nanoTime() - start) / 1e9);
        System.out.printf("mail-service resident memory before: %,d MB%n", residentMegabytes());
        Path script = Files.createTempFile("select-fetch", ".py");
        try (InputStream in = ImapBenchmark.class.getResourceAsStream("/imap/select-fetch.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            Process client = new ProcessBuilder("python3", script.toString(), String.valueOf(stack.stack().imapPort()),
                    account.email(), stack.accessToken(account.username()), String.valueOf(RUNS))
                    .redirectErrorStream(true).start();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            client.waitFor();
            System.out.println("SELECT INBOX then UID FETCH 1:* (FLAGS), seconds, one run per line: " + output);
        } finally {
            Files.deleteIfExists(script);
        }
        System.out.printf("mail-service resident memory after: %,d MB%n", residentMegabytes());
        firstSync(mail);
    }

    /**
     * A mailbox of {@value #SYNCED} messages (each with its RFC 5322 source, about 1 KB) brought down whole by mbsync over
     * implicit TLS with an application password, as a new Thunderbird-like client does at its first sync.
     */
    private void firstSync(String mail) throws Exception {
        TestStack.Account account = stack.newAccount("personnel");
        String token = stack.accessToken(account.username());
        String inbox = inbox(mail, token);
        try (Connection connection = DriverManager.getConnection(stack.stack().jdbcUrl("mail"), "mail", "");
             Statement sql = connection.createStatement()) {
            sql.executeUpdate(MailBenchmark.insert(account.id(), 1, SYNCED, 0, SYNCED));
            sql.executeUpdate("insert into message_source (message_id, seq, data) select id, 0, convert_to('From: '"
                    + " || sender_address || E'\\r\\nTo: " + account.email() + "\\r\\nSubject: ' || subject || E'\\r\\n"
                    + "Message-ID: ' || message_id_hdr || E'\\r\\nContent-Type: text/plain; charset=UTF-8\\r\\n\\r\\n'"
                    + " || body_text || E'\\r\\n', 'UTF8') from message where owner_id = '" + account.id() + "'");
            sql.executeUpdate("update message m set size_bytes = octet_length(s.data) from message_source s"
                    + " where s.message_id = m.id and m.owner_id = '" + account.id() + "'");
            sql.execute("vacuum analyze");
        }
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mail + "/app-passwords"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Banc d'essai\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String password = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).get("password").asText();
        Path work = Files.createTempDirectory("mbsync-bench");
        Path certificate = Files.writeString(work.resolve("serveur.pem"), stack.stack().mailClientsCertificate());
        Files.createDirectories(work.resolve("courrier"));
        Path config = Files.writeString(work.resolve("mbsyncrc"), MailClients.mbsyncrc(stack.stack().imapTlsPort(),
                account.email(), password, certificate, work.resolve("courrier")));
        long rssBefore = residentMegabytes();
        ProcessCpu.Meter cpu = ProcessCpu.meter();
        long start = System.nanoTime();
        try {
            Process mbsync = new ProcessBuilder("mbsync", "-c", config.toString(), "-a").redirectErrorStream(true).start();
            String output = new String(mbsync.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            double seconds = (System.nanoTime() - start) / 1e9;
            long files;
            try (Stream<Path> all = Files.walk(work.resolve("courrier"))) {
                files = all.filter(p -> p.getParent().getFileName().toString().matches("cur|new")).count();
            }
            System.out.printf("mbsync first sync (exit %d): %,d messages in %.1f s (%.0f messages/s); mail-service resident"
                            + " memory %,d MB before, %,d MB after%n%s", mbsync.waitFor(), files, seconds, files / seconds,
                    rssBefore, residentMegabytes(), mbsync.exitValue() == 0 ? "" : output);
            cpu.stop().print("message synchronised (mbsync's own time not counted)", files);
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String inbox(String mail, String token) throws Exception {
        HttpResponse<String> folders = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mail + "/folders"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        for (com.fasterxml.jackson.databind.JsonNode folder : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(folders.body()).get("items")) {
            if ("INBOX".equals(folder.path("systemRole").asText())) {
                return folder.get("id").asText();
            }
        }
        throw new IllegalStateException("No inbox in " + folders.body());
    }

    /** mail-service's resident set, from Linux's /proc (0 elsewhere). */
    private static long residentMegabytes() throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        try {
                            String command = Files.readString(p.resolve("cmdline"));
                            if (!command.contains("mail-service")) {
                                return 0;
                            }
                            return Files.readAllLines(p.resolve("status")).stream().filter(l -> l.startsWith("VmRSS:"))
                                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).sum();
                        } catch (IOException | RuntimeException gone) {
                            return 0;
                        }
                    }).max().orElse(0);
        }
    }
}
