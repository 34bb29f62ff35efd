package fr.academie.e2e;

import fr.academie.stack.Service;
import fr.academie.stack.Stack;
import fr.academie.stack.testing.TestStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The career record at the scale of an académie, on loopback against the real stack (PostgreSQL, Keycloak,
 * iprof-service from its jar): HR imports 50,000 agents from one CSV file (rows/s, creating then unchanged), the
 * database gets 1,000,000 timeline events (20 per agent), then the latency of Léna's {@code GET /agents/me} (record,
 * grid projection) and of her head of school's list of the ~100 agents of his school (each summary read logged),
 * one request after the other and at a fixed rate. Prints the figures; asserts nothing.
 * Run: {@code ./mvnw -pl deploy/e2e -am -Pbench-iprof verify -DskipTests} (about 5 minutes, nothing else running).
 */
public final class IprofBenchmark {

    private static final int AGENTS = 50_000;
    private static final int SCHOOLS = 500;
    private static final int EVENTS_PER_AGENT = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURE = Duration.ofSeconds(30);
    private static final int RATE = 50;
    private static final String[] CORPS = {"Professeur certifié", "Professeur des écoles", "Professeur agrégé",
            "Professeur de lycée professionnel", "Conseiller principal d'éducation",
            "Professeur d'éducation physique et sportive"};

    private final TestStack stack = TestStack.get();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Load load = new Load(http);

    private IprofBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new IprofBenchmark().run();
        System.exit(0); // the stack stops with the JVM (TestStack's shutdown hook)
    }

    private void run() throws Exception {
        System.out.println("Services' JVM options: " + System.getProperty(Stack.JVM_OPTIONS, "(the stack's defaults)"));
        String iprof = stack.service(Service.IPROF);
        byte[] file = agentsFile();
        System.out.printf("Agents file: %d lines, %.1f MB%n", AGENTS, file.length / 1e6);
        importOnce(iprof, file, "first import (creates)");
        importOnce(iprof, file, "same file again (unchanged)");
        timelineEvents();

        Supplier<HttpRequest> me = () -> get(iprof + "/agents/me", "lmartin");
        Supplier<HttpRequest> school = () -> get(iprof + "/agents?limit=200", "pleroy");
        System.out.println("Latency:");
        load.oneByOne("warm-up /agents/me", me, WARM_UP);
        load.oneByOne("warm-up school list", school, WARM_UP);
        load.oneByOne("/agents/me, 1 client", me, MEASURE);
        load.oneByOne("school list, 1 client", school, MEASURE);
        load.fixedRate("/agents/me, " + RATE + "/s", me, MEASURE, RATE);
        load.fixedRate("school list, " + RATE + "/s", school, MEASURE, RATE);
    }

    private void importOnce(String iprof, byte[] file, String label) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(iprof + "/imports/agents"))
                .header("Authorization", "Bearer " + stack.accessToken("cdurand")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Import, %s: %d in %.1f s, %.0f rows/s — %s%n", label, response.statusCode(), seconds,
                AGENTS / seconds, response.body().replaceAll("\"errors\":\\[.*]", "\"errors\":[…]"));
    }

    /** 20 dated events per agent, written straight into the service's database as years of history would be. */
    private void timelineEvents() throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(stack.stack().jdbcUrl("iprof"), "iprof", "");
             Statement statement = connection.createStatement()) {
            int rows = statement.executeUpdate("insert into career_event (id, agent_id, occurred_on, kind, label, recorded_at)"
                    + " select gen_random_uuid(), agent.id, date '2005-09-01' + (n * 365 + (hashtext(agent.identifier) & 255)),"
                    + " 'autre', 'Événement ' || n, now()"
                    + " from agent cross join generate_series(1, " + EVENTS_PER_AGENT + ") as n");
            statement.execute("analyze");
            System.out.printf("Timeline: %d events written in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        }
    }

    private HttpRequest get(String url, String username) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + stack.accessToken(username))
                .GET().build();
    }

    /** 50,000 agents over 500 schools, the first being Léna's (0450042K, headed by Paul Leroy). */
    private static byte[] agentsFile() {
        StringBuilder csv = new StringBuilder("identifiant;nom;prenom;statut;corps;discipline;grade;echelon;date_echelon;"
                + "indice_majore;uai;etablissement;commune;date_affectation\n");
        for (int i = 0; i < AGENTS; i++) {
            int school = i % SCHOOLS;
            boolean horsClasse = i % 7 == 0;
            int echelon = horsClasse ? 1 + i % 7 : 1 + i % 11;
            String uai = school == 0 ? "0450042K" : String.format("%07d", 180000 + school) + "A";
            csv.append("bench").append(i).append(";Nom").append(i).append(";Prénom").append(i % 97).append(";titulaire;")
                    .append(CORPS[i % CORPS.length]).append(";Discipline ").append(i % 23).append(';')
                    .append(horsClasse ? "Hors classe" : "Classe normale").append(';').append(echelon).append(';')
                    .append(LocalDate.of(2019, 1, 1).plusDays(i % 2500)).append(';').append(400 + echelon * 20).append(';')
                    .append(uai).append(";Établissement ").append(school).append(";Commune ").append(school % 61).append(';')
                    .append(LocalDate.of(2015, 9, 1).plusYears(i % 10)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
