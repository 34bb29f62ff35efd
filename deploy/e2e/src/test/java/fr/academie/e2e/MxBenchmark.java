package fr.academie.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.academie.stack.DnsStub;
import fr.academie.stack.Keycloak;
import fr.academie.stack.Service;
import fr.academie.stack.Stack;
import fr.academie.stack.testing.TestStack;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.DKIMSigner;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reception through the MX as the internet sends it, on loopback against the real stack (PostgreSQL, Keycloak,
 * mail-service from its jar, the DNS stub): 1,000 académie mailboxes; 8 connections of a sending server, each kept
 * open for message after message (Angus Mail's SMTP client); messages of realistic sizes (60 % 2 KB of text, 30 %
 * 20 KB of HTML with its text, 10 % a 200 KB PDF attachment), every one DKIM-signed by a domain whose SPF, DKIM and
 * DMARC records the stub publishes, so that every check runs and passes. After a warm-up it measures messages
 * accepted per second (each 250 follows a commit), the latency of one message's SMTP transaction (MAIL FROM to the
 * 250 after the final dot, which contains the DATA-to-250 time), and PostgreSQL's WAL bytes per message. Prints the
 * figures; asserts nothing. Run: {@code ./mvnw -pl deploy/e2e -am -Pbench-mx verify -DskipTests} (about 5 minutes,
 * nothing else running).
 */
public final class MxBenchmark {

    private static final int MAILBOXES = Integer.getInteger("bench.mailboxes", 1000);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warm-up", 60));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measure", 60));
    /** Distinct messages; with 1,000 mailboxes no mailbox gets the same one twice below 300,000 messages. */
    private static final int DISTINCT = 300;
    private static final String DOMAIN = "fournisseur-bench.fr";

    private final TestStack stack = TestStack.get();

    private MxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new MxBenchmark().run();
        System.exit(0); // the stack stops with the JVM (TestStack's shutdown hook)
    }

    private void run() throws Exception {
        System.out.println("Services' JVM options: " + System.getProperty(Stack.JVM_OPTIONS, "(the stack's defaults)"));
        // one sending server on loopback: its rate is what is measured, not limited
        stack.service(Service.MAIL, Map.of("mail.mx.messages-per-minute", "10000000",
                "mail.mx.max-connections-per-address", String.valueOf(CONNECTIONS * 2)));
        List<String> recipients = mailboxes();
        List<byte[]> messages = messages(publishSendersRecords());
        System.out.printf("%d mailboxes, %d distinct messages (%d KB on average), %d connections%n", recipients.size(),
                messages.size(), messages.stream().mapToLong(m -> m.length).sum() / messages.size() / 1024, CONNECTIONS);

        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(stack.stack().mxPort()));
        properties.put("mail.smtp.localhost", "mx." + DOMAIN);
        properties.put("mail.smtp.from", "factures@" + DOMAIN);
        properties.put("mail.smtp.timeout", "60000");
        Session session = Session.getInstance(properties);

        AtomicLong next = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger errors = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            results.add(senders.submit(() -> send(session, messages, recipients, next, measuring, stop, errors)));
        }
        Thread.sleep(WARM_UP.toMillis());
        boolean statements = resetStatements();
        String walBefore = wal();
        ProcessCpu.Meter cpu = ProcessCpu.meter();
        long start = System.nanoTime();
        measuring.set(true);
        Thread.sleep(MEASURE.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        ProcessCpu.Usage cpuUsed = cpu.stop();
        String walAfter = wal();
        stop.set(true);
        for (Future<long[]> result : results) {
            latencies.add(result.get());
        }
        senders.shutdown();

        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("Accepted: %.0f messages/s over %.0f s (%d messages, %d errors)%n", all.length / seconds,
                seconds, all.length, errors.get());
        System.out.printf("One message's transaction (MAIL FROM .. 250): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(all, 0.50), percentile(all, 0.95), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        long walBytes = walDiff(walAfter, walBefore);
        System.out.printf("WAL: %.1f MB during the measure, %.1f KB per message (messages of %d KB on average)%n",
                walBytes / 1e6, walBytes / 1024.0 / Math.max(1, all.length),
                messages.stream().mapToLong(m -> m.length).sum() / messages.size() / 1024);
        System.out.printf("Stored from %s: %d messages%n", DOMAIN, stored());
        cpuUsed.print("message accepted", all.length);
        if (statements) {
            printStatements(all.length);
        }
    }

    /**
     * Empties pg_stat_statements when PostgreSQL loads it (the profile starts it so: {@code portail.postgres-options});
     * whether it does.
     */
    private boolean resetStatements() throws Exception {
        try (Connection db = DriverManager.getConnection(stack.stack().jdbcUrl("mail"), "postgres", "");
             Statement statement = db.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
            return true;
        } catch (java.sql.SQLException notLoaded) {
            System.out.println("pg_stat_statements is not loaded: " + notLoaded.getMessage());
            return false;
        }
    }

    /** The mail database's statements during the measure, the costliest first: calls and time per message. */
    private void printStatements(int messages) throws Exception {
        System.out.println("Statements (pg_stat_statements, mail database): calls per message, ms per call, % of time");
        try (Connection db = DriverManager.getConnection(stack.stack().jdbcUrl("mail"), "postgres", "");
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("""
                     select calls, mean_exec_time, 100 * total_exec_time / sum(total_exec_time) over () as share,
                            regexp_replace(query, '\\s+', ' ', 'g') as query
                     from pg_stat_statements where dbid = (select oid from pg_database where datname = 'mail')
                     order by total_exec_time desc limit 20""")) {
            while (row.next()) {
                String query = row.getString(4);
                System.out.printf("  %6.2f  %7.3f  %5.1f %%  %s%n", row.getLong(1) / (double) Math.max(1, messages),
                        row.getDouble(2), row.getDouble(3), query.substring(0, Math.min(150, query.length())));
            }
        }
    }

    /** One connection: message after message until told to stop; the latencies of those sent while measuring. */
    private static long[] send(Session session, List<byte[]> messages, List<String> recipients, AtomicLong next,
                               AtomicBoolean measuring, AtomicBoolean stop, AtomicInteger errors) throws Exception {
        List<MimeMessage> parsed = new ArrayList<>();
        for (byte[] message : messages) {
            parsed.add(new MimeMessage(session, new ByteArrayInputStream(message)));
        }
        long[] latencies = new long[1 << 20];
        int count = 0;
        Transport transport = session.getTransport("smtp");
        transport.connect();
        try {
            while (!stop.get()) {
                long k = next.getAndIncrement();
                // each mailbox gets another message each round, and any stretch of time the whole mix of sizes
                MimeMessage message = parsed.get((int) ((k % recipients.size() + k / recipients.size()) % parsed.size()));
                Address[] to = {new InternetAddress(recipients.get((int) (k % recipients.size())))};
                boolean measured = measuring.get();
                long start = System.nanoTime();
                try {
                    transport.sendMessage(message, to);
                } catch (MessagingException e) {
                    errors.incrementAndGet();
                    if (!transport.isConnected()) {
                        transport.connect();
                    }
                    continue;
                }
                if (measured && measuring.get() && count < latencies.length) {
                    latencies[count++] = System.nanoTime() - start;
                }
            }
        } finally {
            transport.close();
        }
        return Arrays.copyOf(latencies, count);
    }

    /** The académie's mailboxes that receive (accounts in Keycloak, which the MX asks at RCPT). */
    private List<String> mailboxes() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> addresses = new ArrayList<>();
        for (int batch = 0; batch < MAILBOXES; batch += 250) {
            ObjectNode representation = new ObjectMapper().createObjectNode().put("ifResourceExists", "SKIP");
            ArrayNode users = representation.putArray("users");
            for (int i = batch; i < Math.min(MAILBOXES, batch + 250); i++) {
                String username = "bench" + run + i;
                addresses.add(username + "@ac-orleans-tours.fr");
                users.addObject().put("username", username).put("email", username + "@ac-orleans-tours.fr")
                        .put("firstName", "Boîte").put("lastName", "Essai " + i).put("enabled", true)
                        .put("emailVerified", true).putArray("realmRoles").add("personnel");
            }
            stack.stack().admin().partialImport(Keycloak.REALM, representation);
        }
        return addresses;
    }

    /** The sending domain's SPF (this machine), DKIM key and DMARC policy, in the stack's DNS stub. */
    private KeyPair publishSendersRecords() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        DnsStub dns = stack.stack().dns();
        dns.txt(DOMAIN, "v=spf1 ip4:127.0.0.1 -all");
        dns.txt("bench._domainkey." + DOMAIN, "v=DKIM1; k=rsa; p="
                + Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
        dns.txt("_dmarc." + DOMAIN, "v=DMARC1; p=reject");
        return key;
    }

    private static List<byte[]> messages(KeyPair key) throws Exception {
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + DOMAIN
                + "; s=bench; h=from:to:subject:date:message-id; bh=; b=;", key.getPrivate());
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            String message = message(i);
            String signature = signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
            messages.add((signature + "\r\n" + message).getBytes(StandardCharsets.UTF_8));
        }
        return messages;
    }

    /** 60 % text, 30 % HTML with its text, 10 % a PDF attachment of 200 KB. */
    private static String message(int i) {
        String head = "From: Service facturation <factures@" + DOMAIN + ">\r\nTo: etablissement@ac-orleans-tours.fr\r\n"
                + "Subject: Facture n° " + (10_000 + i) + " - fournitures scolaires\r\n"
                + "Date: Tue, 1 Sep 2026 08:00:00 +0200\r\nMessage-ID: <" + UUID.randomUUID() + "@" + DOMAIN + ">\r\n"
                + "MIME-Version: 1.0\r\n";
        String text = "Madame, Monsieur,\r\n\r\n" + "Veuillez trouver ci-dessous le détail de notre facture pour les "
                + "fournitures de la rentrée : cahiers, classeurs, feutres, papier, cartouches.\r\n".repeat(15)
                + "\r\nCordialement,\r\nLe service facturation\r\n";
        if (i % 10 < 6) {
            return head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text;
        }
        if (i % 10 < 9) {
            String html = "<html><body><p>Madame, Monsieur,</p>" + ("<p>Veuillez trouver le détail de notre facture "
                    + "pour les <b>fournitures de la rentrée</b> : <a href=\"https://" + DOMAIN + "/factures\">"
                    + "votre espace client</a>.</p><table><tr><td>Cahiers</td><td>120,00 €</td></tr></table>\r\n")
                    .repeat(60) + "</body></html>";
            return head + "Content-Type: multipart/alternative; boundary=alt\r\n\r\n--alt\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text
                    + "\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                    + html + "\r\n--alt--\r\n";
        }
        byte[] pdf = new byte[150 * 1024];
        new Random(i).nextBytes(pdf);
        return head + "Content-Type: multipart/mixed; boundary=mix\r\n\r\n--mix\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text
                + "\r\n--mix\r\nContent-Type: application/pdf; name=\"facture-" + i + ".pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"facture-" + i + ".pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(pdf)
                + "\r\n--mix--\r\n";
    }

    private String wal() throws Exception {
        try (Connection db = DriverManager.getConnection(stack.stack().jdbcUrl("mail"), "mail", "");
             Statement statement = db.createStatement(); ResultSet row = statement.executeQuery("select pg_current_wal_lsn()")) {
            row.next();
            return row.getString(1);
        }
    }

    private long walDiff(String after, String before) throws Exception {
        try (Connection db = DriverManager.getConnection(stack.stack().jdbcUrl("mail"), "mail", "");
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("select pg_wal_lsn_diff('" + after + "', '" + before + "')::bigint")) {
            row.next();
            return row.getLong(1);
        }
    }

    private long stored() throws Exception {
        try (Connection db = DriverManager.getConnection(stack.stack().jdbcUrl("mail"), "mail", "");
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from message where sender_address = 'factures@"
                     + DOMAIN + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
