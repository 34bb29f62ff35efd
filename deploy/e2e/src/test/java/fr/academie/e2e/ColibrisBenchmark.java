package fr.academie.e2e;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Service;
import fr.academie.stack.Stack;
import fr.academie.stack.testing.TestStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Colibris at the scale of an académie, on loopback against the real stack (PostgreSQL, Keycloak, colibris-service and
 * mail-service from their jars): 100,000 requests of 20,000 people in 500 schools written into the database (a fifth
 * in review, at their first or second step), then the latency of Léna's "Mes démarches", of Paul's "À traiter" (his school's) and of
 * Claire's (HR: every request at an académie-wide step); then submissions at a fixed rate (each writes its history
 * and two outbox rows: the person's message and the deciders'), and the outbox's delivery rate to mail-service (the
 * deciders' rows spread through the directory). Prints the figures; asserts nothing.
 * Run: {@code ./mvnw -pl deploy/e2e -am -Pbench-colibris verify -DskipTests} (about 6 minutes, nothing else running).
 */
public final class ColibrisBenchmark {

    private static final int REQUESTS = 100_000;
    private static final int PEOPLE = 20_000;
    private static final int SCHOOLS = 500;
    private static final int SUBMIT_RATE = 50;
    private static final Duration SUBMITTING = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURE = Duration.ofSeconds(30);
    private static final int RATE = 50;
    private static final String TRAINING = "{\"intitule\": \"Préparation à l'agrégation interne\", \"organisme\": \"CNED\","
            + " \"dateDebut\": \"2027-01-11\", \"dureeHeures\": 120}";

    private final TestStack stack = TestStack.get();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Load load = new Load(http);

    private ColibrisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new ColibrisBenchmark().run();
        System.exit(0); // the stack stops with the JVM (TestStack's shutdown hook)
    }

    private void run() throws Exception {
        System.out.println("Services' JVM options: " + System.getProperty(Stack.JVM_OPTIONS, "(the stack's defaults)"));
        String colibris = stack.service(Service.COLIBRIS);
        String lena = DemoAccounts.id("lmartin");
        fill(lena);

        Supplier<HttpRequest> mine = () -> get(colibris + "/requests", "lmartin");
        Supplier<HttpRequest> school = () -> get(colibris + "/to-decide", "pleroy");
        Supplier<HttpRequest> hr = () -> get(colibris + "/to-decide", "cdurand");
        System.out.println("Latency:");
        load.oneByOne("warm-up", mine, WARM_UP);
        load.oneByOne("warm-up", school, WARM_UP);
        load.oneByOne("warm-up", hr, WARM_UP);
        load.oneByOne("Mes démarches (Léna), 1 client", mine, MEASURE);
        load.oneByOne("À traiter (Paul, his school), 1 client", school, MEASURE);
        load.oneByOne("À traiter (Claire, HR), 1 client", hr, MEASURE);
        load.fixedRate("Mes démarches (Léna), " + RATE + "/s", mine, MEASURE, RATE);
        load.fixedRate("À traiter (Paul), " + RATE + "/s", school, MEASURE, RATE);
        load.fixedRate("À traiter (Claire), " + RATE + "/s", hr, MEASURE, RATE);

        // submissions: each a transition with its history line and its two outbox rows, in one transaction
        long undelivered = undelivered();
        Iterator<UUID> drafts = drafts(lena, (int) (SUBMITTING.toSeconds() * SUBMIT_RATE)).iterator();
        long start = System.nanoTime();
        load.fixedRate("submissions, " + SUBMIT_RATE + "/s", () -> HttpRequest.newBuilder(
                        URI.create(colibris + "/requests/" + drafts.next() + "/submit"))
                .header("Authorization", "Bearer " + stack.accessToken("lmartin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\": 0}")).build(), SUBMITTING, SUBMIT_RATE);
        System.out.printf("Submissions: %d in %.1f s%n", SUBMITTING.toSeconds() * SUBMIT_RATE,
                (System.nanoTime() - start) / 1e9);

        // the outbox drains: every row delivered (the deciders' rows first spread to Paul)
        long waiting = undelivered();
        long delivered = delivered();
        ProcessCpu.Meter cpu = ProcessCpu.meter();
        long drainStart = System.nanoTime();
        while (undelivered() > 0 && System.nanoTime() - drainStart < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - drainStart) / 1e9;
        System.out.printf("Outbox: %d rows waiting after the submissions (%d before), %d delivered in %.1f s after them:"
                        + " %.0f deliveries/s; %d still waiting%n", waiting, undelivered, delivered() - delivered, seconds,
                (delivered() - delivered) / seconds, undelivered());
        cpu.stop().print("notification delivered", delivered() - delivered);
    }

    /**
     * 100,000 requests written as years of use would leave them: 20,000 people (Léna among them, with 20), 500 schools
     * (the first Léna's and Paul's), the five types in turn; a fifth in review (at step 1 or 2), a tenth drafts, the
     * rest decided.
     */
    private void fill(String lena) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(stack.stack().jdbcUrl("colibris"), "colibris", "");
             Statement sql = connection.createStatement()) {
            int rows = sql.executeUpdate("""
                    insert into hr_request (id, owner_id, owner_name, uai, type_code, form, status, step, due_at,
                                            created_at, submitted_at, decided_at, updated_at, version)
                    select gen_random_uuid(),
                           case when n %% 5000 = 0 then '%s' else 'bench-' || (n %% %d) end,
                           'Agent ' || (n %% %d),
                           case when n %% 5000 = 0 or abs(hashtext((n %% %d)::text)) %% %d = 0 then '0450042K'
                                else lpad((abs(hashtext((n %% %d)::text)) %% %d + 180000)::text, 7, '0') || 'A' end,
                           (array['temps-partiel', 'disponibilite', 'autorisation-absence', 'formation', 'cumul-activites'])[1 + (n / 10) %% 5],
                           '%s'::jsonb,
                           case when n %% 10 = 0 then 'DRAFT' when n %% 10 in (1, 2) then 'IN_REVIEW' when n %% 10 = 3 then 'REFUSED' else 'APPROVED' end,
                           case when n %% 10 in (1, 2) then (case when (n / 10) %% 5 = 2 then 1 else 1 + (n / 7) %% 2 end) end,
                           case when n %% 10 in (1, 2) then now() + ((n %% 30) - 10) * interval '1 day' end,
                           now() - (n * interval '5 minutes'),
                           case when n %% 10 <> 0 then now() - (n * interval '5 minutes') + interval '1 hour' end,
                           case when n %% 10 > 2 then now() - (n * interval '5 minutes') + interval '3 days' end,
                           now() - (n * interval '5 minutes') + interval '2 hours',
                           1
                    from generate_series(1, %d) as n""".formatted(lena, PEOPLE, PEOPLE, PEOPLE, SCHOOLS, PEOPLE, SCHOOLS,
                    TRAINING.replace("'", "''"), REQUESTS));
            sql.executeUpdate("insert into request_event (id, request_id, at, actor_id, actor_name, kind, to_status, step)"
                    + " select gen_random_uuid(), id, created_at, owner_id, owner_name, 'CREATED', 'DRAFT', null from hr_request");
            sql.execute("analyze");
            try (ResultSet count = sql.executeQuery("select count(*) filter (where owner_id = '" + lena + "'),"
                    + " count(*) filter (where status = 'IN_REVIEW' and uai = '0450042K'),"
                    + " count(*) filter (where status = 'IN_REVIEW') from hr_request")) {
                count.next();
                System.out.printf("Filled: %d requests (+ their first history line) in %.1f s; Léna's: %d; in review at"
                                + " Paul's school: %d; in review in all: %d%n", rows, (System.nanoTime() - start) / 1e9,
                        count.getLong(1), count.getLong(2), count.getLong(3));
            }
        }
    }

    /** Léna's drafts of a training request, ready to submit. */
    private List<UUID> drafts(String lena, int count) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(stack.stack().jdbcUrl("colibris"), "colibris", "");
             Statement sql = connection.createStatement()) {
            for (int i = 0; i < count; i++) {
                ids.add(UUID.randomUUID());
            }
            StringBuilder values = new StringBuilder();
            for (UUID id : ids) {
                values.append(values.isEmpty() ? "" : ",").append("('").append(id).append("')");
            }
            sql.executeUpdate("insert into hr_request (id, owner_id, owner_name, uai, type_code, form, status, created_at,"
                    + " updated_at, version) select v.id::uuid, '" + lena + "', 'Léna Martin', '0450042K', 'formation', '"
                    + TRAINING.replace("'", "''") + "'::jsonb, 'DRAFT', now(), now(), 0 from (values " + values + ") as v (id)");
        }
        return ids;
    }

    private long undelivered() throws Exception {
        return count("select count(*) from outbox where delivered_at is null");
    }

    private long delivered() throws Exception {
        return count("select count(*) from outbox where delivered_at is not null");
    }

    private long count(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.stack().jdbcUrl("colibris"), "colibris", "");
             Statement sql = connection.createStatement(); ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private HttpRequest get(String url, String username) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + stack.accessToken(username))
                .GET().build();
    }
}
