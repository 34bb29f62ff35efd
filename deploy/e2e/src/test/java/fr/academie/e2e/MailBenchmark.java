package fr.academie.e2e;

import fr.academie.stack.Service;
import fr.academie.stack.Stack;
import fr.academie.stack.testing.TestStack;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The mailbox at the scale of an académie, on loopback against the real stack (PostgreSQL, Keycloak, mail-service
 * from its jar): 20,000 messages through the delivery path (an .eml import each: parsing, quota, source, fields,
 * one transaction per message; 4 clients), then the database filled to {@code bench.messages} (1,000,000) messages
 * over {@code bench.mailboxes} (1,000) mailboxes, one of them (the benchmark's account) with 100,000; then the
 * latency of the first page of that inbox, of its conversation view, of one message, and of full-text searches (a
 * rare and a common word, in the inbox and in every folder), one request after the other; then the table and index
 * sizes. Prints the figures; asserts nothing.
 * Run: {@code ./mvnw -pl deploy/e2e -am -Pbench-mail verify -DskipTests} (about 25 minutes, nothing else running).
 * {@code -Pbench-mail,bench-mail-10m} (about 40 minutes, 25 GB of disk): 10,000,000 messages over 10,000 mailboxes,
 * {@code message} hash-partitioned by owner first ({@code bench/message-partitioned-by-owner.sql}, step 1 of
 * docs/mail-store-scale-out.md), the original bytes written for the benchmark account's messages only.
 */
public final class MailBenchmark {

    private static final int INGESTED = 20_000;
    private static final int CLIENTS = 4;
    private static final int BIG_MAILBOX = 100_000;
    private static final int TOTAL = Integer.getInteger("bench.messages", 1_000_000);
    private static final int OTHER_MAILBOXES = Integer.getInteger("bench.mailboxes", 1_000) - 1;
    /** {@code message} partitioned by hash of its owner before any mail arrives. */
    private static final boolean PARTITIONED = Boolean.getBoolean("bench.partitioned");
    /** The original bytes of every generated message, or of the benchmark account's only. */
    private static final boolean ALL_SOURCES = Boolean.parseBoolean(System.getProperty("bench.all-sources", "true"));
    /** Rows written by one statement of the fill; two connections write at once (one per core). */
    private static final int CHUNK = 100_000;
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration MEASURE = Duration.ofSeconds(30);
    /** Words of school mail; "réunion" is in most messages, "chrysanthème" in one message out of 20,000. */
    private static final String[] WORDS = {"réunion", "conseil", "classe", "élèves", "parents", "projet", "voyage",
            "budget", "formation", "inspection", "rapport", "collège", "lycée", "emploi", "temps", "absence", "examen",
            "bulletin", "notes", "trimestre", "cantine", "sortie", "musée", "histoire", "géographie", "mathématiques",
            "français", "anglais", "sport", "cours", "salle", "planning", "calendrier", "rentrée", "vacances", "stage",
            "entretien", "carrière", "échelon", "mutation"};
    private static final String RARE = "chrysanthème";
    private static final String COMMON = "réunion";

    private final TestStack stack = TestStack.get();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Load load = new Load(http);

    private MailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new MailBenchmark().run();
        System.exit(0); // the stack stops with the JVM (TestStack's shutdown hook)
    }

    private void run() throws Exception {
        System.out.println("Services' JVM options: " + System.getProperty(Stack.JVM_OPTIONS, "(the stack's defaults)"));
        String mail = stack.service(Service.MAIL);
        System.out.printf("%,d messages over %,d mailboxes, message %s%n", TOTAL, OTHER_MAILBOXES + 1,
                PARTITIONED ? "partitioned by hash of its owner (64 partitions)" : "in one table");
        if (PARTITIONED) {
            try (InputStream script = MailBenchmark.class.getResourceAsStream("/bench/message-partitioned-by-owner.sql");
                 Connection connection = connect(); Statement sql = connection.createStatement()) {
                sql.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        TestStack.Account account = stack.newAccount("personnel");
        Supplier<String> token = () -> stack.accessToken(account.username());
        String inbox = folder(mail, token.get(), "INBOX");
        ingest(mail, token, inbox);
        fill(account.id(), inbox);
        String opened = firstPageId(mail + "/folders/" + inbox + "/messages?limit=50", token.get());

        System.out.println("Latency (first page of 50, one client):");
        String search = mail + "/search?limit=50&q=";
        List<String[]> cases = List.of(
                new String[] {"inbox, first page", mail + "/folders/" + inbox + "/messages?limit=50"},
                new String[] {"inbox by conversation", mail + "/folders/" + inbox + "/conversations?limit=50"},
                new String[] {"a message, opened", mail + "/messages/" + opened},
                new String[] {"search rare, inbox", search + encode(RARE) + "&folderId=" + inbox},
                new String[] {"search rare, all", search + encode(RARE)},
                new String[] {"search common, inbox", search + encode(COMMON) + "&folderId=" + inbox},
                new String[] {"search common, all", search + encode(COMMON)});
        for (String[] c : cases) {
            load.oneByOne("warm-up " + c[0], () -> get(c[1], token.get()), WARM_UP);
        }
        for (String[] c : cases) {
            load.oneByOne(c[0], () -> get(c[1], token.get()), MEASURE);
        }
        sizes();
    }

    /** Imports through the delivery path, 4 clients at once; throughput and per-message latency. */
    private void ingest(String mail, Supplier<String> token, String inbox) throws Exception {
        long[] latencies = new long[INGESTED];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        ProcessCpu.Meter cpu = ProcessCpu.meter();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < INGESTED; ) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(mail + "/folders/" + inbox + "/import"))
                            .header("Authorization", "Bearer " + token.get()).header("Content-Type", "message/rfc822")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(message(i))).build();
                    long sent = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    latencies[i] = System.nanoTime() - sent;
                    if (response.statusCode() != 201) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("Ingest: %d messages (%d errors) in %.1f s, %.0f messages/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                INGESTED, errors.get(), seconds, INGESTED / seconds, Load.percentile(sorted, 50) / 1e6,
                Load.percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
        cpu.stop().print("message delivered", INGESTED);
    }

    /** A message of school mail, 2 to 4 KB, one in ten with a small PDF attachment. */
    private static byte[] message(int i) {
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 60 + i % 60; w++) {
            body.append(WORDS[Math.floorMod(i * 31 + w * 17 + w * w, WORDS.length)]).append(w % 12 == 11 ? ".\r\n" : " ");
        }
        String subject = WORDS[i % WORDS.length] + " " + WORDS[(i / 7) % WORDS.length] + (i % 20_000 == 7 ? " " + RARE : "")
                + " n°" + i;
        String head = "From: Collègue " + (i % 300) + " <collegue" + (i % 300) + "@ac-orleans-tours.fr>\r\n"
                + "To: benchmark@ac-orleans-tours.fr\r\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Date: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        java.time.ZonedDateTime.parse("2026-11-02T08:00:00+01:00").plusMinutes(i)) + "\r\nMessage-ID: <bench-" + i + "-" + UUID.randomUUID() + "@ac-orleans-tours.fr>\r\n"
                + "MIME-Version: 1.0\r\n";
        String text = body.toString();
        if (i % 10 != 0) {
            return (head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text)
                    .getBytes(StandardCharsets.UTF_8);
        }
        return (head + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n--b\r\nContent-Type: application/pdf; name=piece.pdf\r\n"
                + "Content-Disposition: attachment; filename=piece.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(("%PDF-1.4 " + text).getBytes(StandardCharsets.UTF_8))
                + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The rest written straight into the service's database, as years of mail would be: the big inbox up to 100,000,
     * the others spread over the other mailboxes, by two connections at once. As a migration of existing mail would,
     * the fill gives the rows their IMAP numbers itself (the triggers that number arrivals one by one are off
     * meanwhile) and drops the secondary indexes of {@code message}, building them again after the load; both times
     * are printed.
     */
    private void fill(String owner, String inbox) throws Exception {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            long start = System.nanoTime();
            sql.execute("insert into folder (id, owner_id, name, system_role, created_at) select gen_random_uuid(), "
                    + "'bench-' || n, 'Boîte de réception', 'INBOX', now() from generate_series(1, " + OTHER_MAILBOXES + ") n");
            sql.execute("insert into mailbox (owner_id, quota_bytes, used_bytes) select 'bench-' || n, 1073741824, 0 "
                    + "from generate_series(1, " + OTHER_MAILBOXES + ") n");
            List<String> dropped = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select indexname, replace(indexdef, ' ON ONLY ', ' ON ') from pg_indexes"
                    + " where schemaname = 'public' and tablename = 'message' and indexname <> 'message_pkey'")) {
                while (rows.next()) {
                    dropped.add(rows.getString(1));
                    indexes.add(rows.getString(2));
                }
            }
            for (String index : dropped) {
                sql.execute("drop index " + index);
            }
            long firstUid = count(sql, "select last_uid + 1 from folder where id = '" + inbox + "'");
            sql.execute("alter table message disable trigger user");
            List<String> chunks = new ArrayList<>();
            for (int from = INGESTED; from < TOTAL; from += CHUNK) {
                chunks.add(insert(owner, firstUid - INGESTED, BIG_MAILBOX, from, Math.min(from + CHUNK, TOTAL)));
            }
            inParallel(chunks, "statements of " + CHUNK + " messages written", start);
            sql.execute("alter table message enable trigger user");
            sql.execute("update folder f set last_uid = n.uid, highest_modseq = greatest(f.highest_modseq, n.uid)"
                    + " from (select folder_id, max(uid) as uid from message group by folder_id) n where f.id = n.folder_id");
            long index = System.nanoTime();
            inParallel(indexes, "indexes built", index);
            double indexSeconds = (System.nanoTime() - index) / 1e9;
            sql.execute("insert into message_source (message_id, seq, data) select id, 0, convert_to('From: ' || sender_address"
                    + " || E'\\r\\nSubject: ' || subject || E'\\r\\n\\r\\n' || body_text, 'UTF8') from message m"
                    + " where " + (ALL_SOURCES ? "" : "m.owner_id = '" + owner + "' and ")
                    + "not exists (select 1 from message_source s where s.message_id = m.id)");
            sql.execute("vacuum analyze");
            System.out.printf("Fill: %,d messages in the database after %.0f s (secondary indexes built in %.0f s)%n",
                    count(sql, "select count(*) from message"), (System.nanoTime() - start) / 1e9, indexSeconds);
        }
    }

    /** Runs the statements over two connections, each taking the next; prints the progress. */
    private void inParallel(List<String> statements, String what, long start) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService connections = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            running.add(connections.submit(() -> {
                try (Connection connection = connect(); Statement sql = connection.createStatement()) {
                    sql.execute("set maintenance_work_mem = '512MB'; set max_parallel_maintenance_workers = 0");
                    for (int i; (i = next.getAndIncrement()) < statements.size(); ) {
                        sql.execute(statements.get(i));
                        System.out.printf("  %d of %d %s (%.0f s)%n", done.incrementAndGet(), statements.size(), what,
                                (System.nanoTime() - start) / 1e9);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> connection : running) {
                connection.get();
            }
        } finally {
            connections.shutdownNow();
        }
    }

    /**
     * Rows [from, to) of the generated mail, numbered as the fill's whole range: the first {@code big} go to
     * {@code owner}'s inbox with the UIDs {@code uidBase + n} (which the triggers, when on, replace with the folder's
     * next), the others round the {@code bench-N} mailboxes' inboxes. The bodies are 997 texts of 60 to 120 words of
     * school mail, one for each remainder of n.
     */
    static String insert(String owner, long uidBase, int big, int from, int to) {
        String words = "(select array['" + String.join("','", WORDS) + "'] as w) words";
        return "with body as (select k, (select string_agg(w[1 + (k * 31 + j * 17 + j * j) % 40], ' ')"
                + "   from generate_series(1, 60 + k % 60) j) as text from generate_series(0, 996) k, " + words + ")"
                + " insert into message (id, owner_id, folder_id, sender_name, sender_address, subject, received_at, unread,"
                + " size_bytes, sent_at, message_id_hdr, recipients, priority, flagged, has_attachments, snippet, body_text,"
                + " search_text, thread_id, base_subject, uid, modseq)"
                + " select g.id, g.owner, f.id, 'Collègue ' || (n % 300), 'collegue' || (n % 300) || '@ac-orleans-tours.fr',"
                + " g.subject, g.at, n % 3 = 0, 900 + length(g.body), g.at, '<gen-' || n || '@ac-orleans-tours.fr>',"
                + " '{\"to\": [], \"cc\": []}'::jsonb, 'NORMAL', false, false, left(g.body, 300), g.body, '', g.id,"
                + " lower(g.subject), g.uid, 1"
                + " from (select n, gen_random_uuid() as id, b.text as body,"
                + "   case when n < " + big + " then '" + owner + "' else 'bench-' || (1 + n % " + OTHER_MAILBOXES + ") end as owner,"
                + "   case when n < " + big + " then " + uidBase + " + n else 1 + n / " + OTHER_MAILBOXES + " end as uid,"
                + "   w[1 + n % 40] || ' ' || w[1 + (n / 7) % 40] || case when n % 20000 = 7 then ' " + RARE + "' else '' end"
                + "     || ' n°' || n as subject,"
                + "   timestamptz '2026-11-01 00:00:00+00' - (n * interval '37 seconds') as at"
                + "   from generate_series(" + from + ", " + (to - 1) + ") n join body b on b.k = n % 997, " + words + ") g"
                + " join folder f on f.owner_id = g.owner and f.system_role = 'INBOX'";
    }

    /**
     * The service's largest tables and indexes, as an operator sizes the database; a partitioned table's or index's
     * partitions are added up under its name, with their number and the largest.
     */
    private static void sizes() throws Exception {
        System.out.println("Sizes:");
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select coalesce(p.relname, c.relname), c.relkind, count(*),"
                     + " pg_size_pretty(sum(pg_total_relation_size(c.oid))::bigint), pg_size_pretty(sum(pg_relation_size(c.oid))::bigint),"
                     + " pg_size_pretty(max(pg_total_relation_size(c.oid))) from pg_class c"
                     + " join pg_namespace s on s.oid = c.relnamespace left join pg_inherits i on i.inhrelid = c.oid"
                     + " left join pg_class p on p.oid = i.inhparent where s.nspname = 'public' and c.relkind in ('r', 'i')"
                     + " group by 1, 2 having sum(pg_total_relation_size(c.oid)) > 1000000"
                     + " order by sum(pg_total_relation_size(c.oid)) desc")) {
            while (rows.next()) {
                boolean table = rows.getString(2).equals("r");
                System.out.printf("  %-36s %s%s%n", rows.getString(1), table
                        ? "table, total " + rows.getString(4) + " (heap " + rows.getString(5) + ")" : "index " + rows.getString(5),
                        rows.getInt(3) > 1 ? ", " + rows.getInt(3) + " partitions, the largest " + rows.getString(6) : "");
            }
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(TestStack.get().stack().jdbcUrl("mail"), "mail", "");
    }

    /** The id of the first message of a list's answer. */
    private String firstPageId(String url, String token) throws Exception {
        String body = http.send(get(url, token), HttpResponse.BodyHandlers.ofString()).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("items").get(0).get("id").asText();
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private String folder(String mail, String token, String role) throws Exception {
        String body = http.send(get(mail + "/folders", token), HttpResponse.BodyHandlers.ofString()).body();
        for (com.fasterxml.jackson.databind.JsonNode folder : new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("items")) {
            if (role.equals(folder.path("systemRole").asText())) {
                return folder.get("id").asText();
            }
        }
        throw new IllegalStateException("No " + role + " folder in " + body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
