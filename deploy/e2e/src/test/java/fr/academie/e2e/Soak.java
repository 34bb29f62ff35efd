package fr.academie.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.TestStack;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * People using the portal through the gateway, each from their own loopback address (127.0.1.x: the gateway's limits
 * per address see 1 person each, as at a school where each has a computer), as a person does: the home page, her
 * inbox, a message, a search, her career, her requests, now and then a label or a request submitted. Requests go out
 * at a steady rate, whatever the answers (latency counted from each one's planned start); each is recorded by route,
 * each failure by route and cause. Afterwards {@link #check} proves from the databases that every write answered 2xx
 * is there and that every Colibris notification reached its mailbox exactly once.
 */
final class Soak implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the portal's page sends with every write (the gateway's CSRF check). */
    private static final String CSRF_HEADER = "X-Portail-Request";
    /** A school whose head (the demo account pleroy) decides the requests submitted: their notifications go to him. */
    private static final String SCHOOL = "0450042K";
    private static final String TRAINING = """
            {"type": "formation", "form": {"intitule": "Préparation à l'agrégation interne", "organisme": "CNED",
             "dateDebut": "2027-01-11", "dureeHeures": 120}}""";
    /** What a person does, in order, again and again; the last step writes (a request first, then labels). */
    private static final int STEPS = 10;

    private final TestStack stack = TestStack.get();
    private final URI gateway;
    private final Vertx vertx = Vertx.vertx();
    private final List<Person> people = new ArrayList<>();
    private final ConcurrentMap<String, Route> routes = new ConcurrentHashMap<>();
    private final Queue<String[]> labelsWritten = new ConcurrentLinkedQueue<>();
    private final Queue<String> requestsSubmitted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Processor time of each part since the last {@link #run} began. */
    private ProcessCpu.Meter cpu = ProcessCpu.meter();

    /** A person of the soak: her account, her address, her session's cookies, her inbox and the message in it. */
    private static final class Person {
        final TestStack.Account account;
        final HttpClient client;
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        String inbox;
        String message;
        int step;
        boolean submitted;

        Person(TestStack.Account account, HttpClient client) {
            this.account = account;
            this.client = client;
        }

        String cookieHeader() {
            return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }

    /** A route's latencies (ns) and failures by cause. */
    private static final class Route {
        final Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        final ConcurrentMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    }

    /** Provisions the people: accounts in the school, signed in, a message in each inbox, a career record each. */
    Soak(URI gateway, int count) throws Exception {
        this.gateway = gateway;
        StringBuilder careers = new StringBuilder("identifiant;nom;prenom;corps;grade;echelon;date_echelon\n");
        for (int i = 0; i < count; i++) {
            TestStack.Account account = stack.newAccount(Map.of("uai", SCHOOL), "personnel", "enseignant");
            // 127.0.1.1 … 127.0.1.250, 127.0.2.1 …: any address of 127.0.0.0/8 is this machine's on Linux
            String address = "127.0." + (1 + i / 250) + "." + (1 + i % 250);
            Person person = new Person(account, vertx.createHttpClient(new HttpClientOptions().setLocalAddress(address)
                    .setDefaultHost(gateway.getHost().equals("localhost") ? "127.0.0.1" : gateway.getHost())
                    .setDefaultPort(gateway.getPort()).setKeepAlive(true).setMaxPoolSize(4).setConnectTimeout(5_000)));
            Browser browser = SignedIn.as(gateway, account.username());
            person.cookies.putAll(browser.cookies());
            JsonNode folders = JSON.readTree(browser.get(gateway.resolve("/api/mail/folders")).body());
            for (JsonNode folder : folders.get("items")) {
                if ("INBOX".equals(folder.path("systemRole").asText())) {
                    person.inbox = folder.get("id").asText();
                }
            }
            String eml = "From: Secrétariat <secretariat@exemple.fr>\r\nTo: " + account.email() + "\r\nSubject: Bonjour "
                    + i + "\r\nMessage-ID: <" + UUID.randomUUID() + "@exemple.fr>\r\nContent-Type: text/plain; charset=utf-8"
                    + "\r\n\r\nBonjour, le conseil de classe aura lieu jeudi.\r\n";
            HttpResponse<byte[]> imported = browser.sendBytes("POST", gateway.resolve("/api/mail/folders/" + person.inbox
                    + "/import"), Map.of(CSRF_HEADER, "1", "Content-Type", "message/rfc822"),
                    eml.getBytes(StandardCharsets.UTF_8));
            if (imported.statusCode() != 201) {
                throw new IllegalStateException("import for " + account.username() + ": " + imported.statusCode());
            }
            person.message = JSON.readTree(imported.body()).get("messageId").asText();
            careers.append(account.username()).append(";Essai;Personne").append(i)
                    .append(";Professeur certifié;Classe normale;6;01/09/2024\n");
            people.add(person);
        }
        Browser hr = SignedIn.as(gateway, "cdurand");
        HttpResponse<String> imported = hr.send("POST", gateway.resolve("/api/iprof/imports/agents"),
                Map.of(CSRF_HEADER, "1", "Content-Type", "text/csv"), careers.toString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("career import: " + imported.statusCode() + " " + imported.body());
        }
    }

    /** Sends {@code rate} requests a second for the duration, round the people; waits for the last answers. */
    void run(Duration duration, int rate) throws InterruptedException {
        cpu = ProcessCpu.meter();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long count = duration.toSeconds() * rate;
        for (long i = 0; i < count; i++) {
            long planned = start + i * interval;
            LockSupport.parkNanos(planned - System.nanoTime());
            Person person = people.get((int) (i % people.size()));
            next(person, planned);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    private void next(Person person, long planned) {
        int step = person.step++ % STEPS;
        switch (step) {
            case 0 -> send(person, "GET /", HttpMethod.GET, "/", null, planned, null);
            case 1 -> send(person, "GET /api/me", HttpMethod.GET, "/api/me", null, planned, null);
            case 2 -> send(person, "GET /api/mail/folders", HttpMethod.GET, "/api/mail/folders", null, planned, null);
            case 3 -> send(person, "GET /api/mail/folders/{id}/messages", HttpMethod.GET,
                    "/api/mail/folders/" + person.inbox + "/messages?limit=50", null, planned, null);
            case 4 -> send(person, "GET /api/mail/messages/{id}", HttpMethod.GET, "/api/mail/messages/" + person.message,
                    null, planned, null);
            case 5 -> send(person, "GET /api/mail/search", HttpMethod.GET, "/api/mail/search?q=conseil", null, planned, null);
            case 6 -> send(person, "GET /api/iprof/agents/me", HttpMethod.GET, "/api/iprof/agents/me", null, planned, null);
            case 7 -> send(person, "GET /api/colibris/requests", HttpMethod.GET, "/api/colibris/requests", null, planned, null);
            case 8 -> send(person, "GET /api/colibris/types", HttpMethod.GET, "/api/colibris/types", null, planned, null);
            default -> write(person, planned);
        }
    }

    /** Her first write submits a training request (told to her head of school); the next ones add a label. */
    private void write(Person person, long planned) {
        if (!person.submitted) {
            person.submitted = true;
            send(person, "POST /api/colibris/requests", HttpMethod.POST, "/api/colibris/requests", TRAINING, planned,
                    created -> {
                        String id = created.get("id").asText();
                        send(person, "POST /api/colibris/requests/{id}/submit", HttpMethod.POST, "/api/colibris/requests/"
                                + id + "/submit", "{\"version\": " + created.get("version").asInt() + "}", System.nanoTime(),
                                submitted -> requestsSubmitted.add(id));
                    });
            return;
        }
        String name = "Soak-" + UUID.randomUUID().toString().substring(0, 13);
        send(person, "POST /api/mail/labels", HttpMethod.POST, "/api/mail/labels",
                "{\"name\": \"" + name + "\", \"color\": \"#1565c0\"}", planned,
                label -> labelsWritten.add(new String[] {person.account.id(), name}));
    }

    /** One request in the person's session; a 2xx JSON body goes to {@code then}. Recorded under the route. */
    private void send(Person person, String route, HttpMethod method, String path, String body, long planned,
                      java.util.function.Consumer<JsonNode> then) {
        inFlight.incrementAndGet();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Cookie", person.cookieHeader());
        if (body != null) {
            headers.add(CSRF_HEADER, "1").add("Content-Type", "application/json");
        }
        Route stats = routes.computeIfAbsent(route, r -> new Route());
        person.client.request(new RequestOptions().setMethod(method).setURI(path).setHeaders(headers).setTimeout(30_000))
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> {
                    response.cookies().forEach(cookie -> keep(person, cookie));
                    return response.body().map(content -> Map.entry(response.statusCode(), content));
                })
                .onComplete(result -> {
                    stats.latencies.add(System.nanoTime() - planned);
                    if (result.failed()) {
                        failure(stats, result.cause().getClass().getSimpleName());
                    } else if (result.result().getKey() >= 300) {
                        failure(stats, String.valueOf(result.result().getKey()));
                    } else if (then != null) {
                        try {
                            then.accept(JSON.readTree(result.result().getValue().getBytes()));
                        } catch (Exception e) {
                            failure(stats, "unreadable answer");
                        }
                    }
                    inFlight.decrementAndGet();
                });
    }

    private static void keep(Person person, String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
            person.cookies.remove(name);
        } else {
            person.cookies.put(name, value);
        }
    }

    private static void failure(Route stats, String cause) {
        stats.failures.computeIfAbsent(cause, c -> new AtomicInteger()).incrementAndGet();
    }

    /** Requests sent so far (answered or failed), and those failed. */
    int requests() {
        return routes.values().stream().mapToInt(route -> route.latencies.size()).sum();
    }

    int failures() {
        return routes.values().stream().flatMap(route -> route.failures.values().stream()).mapToInt(AtomicInteger::get).sum();
    }

    /** Failures by "route cause" (a status or an exception's class), for the asserts and the report. */
    Map<String, Integer> failuresByCause() {
        Map<String, Integer> causes = new TreeMap<>();
        routes.forEach((route, stats) -> stats.failures.forEach((cause, n) -> causes.put(route + " → " + cause, n.get())));
        return causes;
    }

    /** Prints the rate and each route's p50/p95/p99, then each failure by route and cause; starts the counts again. */
    void report(String label, Duration duration) {
        System.out.printf("%n%s: %d requests in %d s (%.1f/s), %d failed%n", label, requests(), duration.toSeconds(),
                requests() / (double) duration.toSeconds(), failures());
        new TreeMap<>(routes).forEach((route, stats) -> {
            long[] sorted = stats.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-42s %6d  p50 %6.1f ms  p95 %6.1f ms  p99 %7.1f ms%n", route, sorted.length,
                    Load.percentile(sorted, 50) / 1e6, Load.percentile(sorted, 95) / 1e6, Load.percentile(sorted, 99) / 1e6);
        });
        failuresByCause().forEach((cause, n) -> System.out.printf("  failed: %-60s %d%n", cause, n));
        System.out.printf("  processor per request: %s%n", cpu.stop().perOperation(requests()));
        routes.clear();
    }

    /**
     * What must hold after the soak, read from the databases: every label and request answered 2xx is stored (the
     * request in review), and once Colibris' outbox is empty (waited for up to two minutes) each of its rows for the
     * soak's requests is one notification in mail-service, one message. Returns what does not hold (empty: all).
     */
    List<String> check() throws SQLException, InterruptedException {
        List<String> problems = new ArrayList<>();
        try (Connection mail = connect("mail"); Connection colibris = connect("colibris")) {
            for (String[] label : labelsWritten) {
                if (count(mail, "select count(*) from label where owner_id = ? and name = ?", label) != 1) {
                    problems.add("label " + label[1] + " answered 201 but is not stored");
                }
            }
            for (String id : requestsSubmitted) {
                if (count(colibris, "select count(*) from hr_request where id = ?::uuid and status = 'IN_REVIEW'", id) != 1) {
                    problems.add("request " + id + " answered 200 to its submission but is not in review");
                }
            }
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (count(colibris, "select count(*) from outbox where delivered_at is null") > 0
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(1_000);
            }
            List<String> rows = new ArrayList<>();
            for (String id : requestsSubmitted) {
                rows.addAll(ids(colibris, "select id::text from outbox where request_id = ?::uuid and recipient_id is not null"
                        + " and delivered_at is not null", id));
                if (count(colibris, "select count(*) from outbox where request_id = ?::uuid and delivered_at is null", id) > 0) {
                    problems.add("request " + id + ": a notification still waits after two minutes");
                }
            }
            for (String row : rows) {
                if (count(mail, "select count(*) from notification n join message m on m.id = n.message_id where n.key = ?",
                        row) != 1) {
                    problems.add("notification " + row + " is not exactly one message in mail-service");
                }
            }
            if (!requestsSubmitted.isEmpty() && rows.isEmpty()) {
                problems.add("no notification row for the " + requestsSubmitted.size() + " requests submitted");
            }
            System.out.printf("%nChecked: %d labels and %d requests written (2xx) are stored; %d notifications, each one "
                    + "message; %d problems%n", labelsWritten.size(), requestsSubmitted.size(), rows.size(), problems.size());
        }
        problems.forEach(problem -> System.out.println("  " + problem));
        return problems;
    }

    /** Sessions that no longer work (a 401 on /api/me): after a gateway restart, none should. */
    int signedOut() throws InterruptedException {
        AtomicInteger signedOut = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(people.size());
        for (Person person : people) {
            person.client.request(new RequestOptions().setURI("/api/me").putHeader("Cookie", person.cookieHeader()))
                    .compose(request -> request.send())
                    .onComplete(result -> {
                        if (result.failed() || result.result().statusCode() == 401) {
                            signedOut.incrementAndGet();
                        }
                        done.countDown();
                    });
        }
        done.await(60, TimeUnit.SECONDS);
        return signedOut.get();
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.stack().jdbcUrl(database), database, "");
    }

    private static int count(Connection connection, String sql, String... parameters) throws SQLException {
        List<String> values = ids(connection, sql.replace("select count(*)", "select count(*)::text"), parameters);
        return Integer.parseInt(values.get(0));
    }

    private static List<String> ids(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    @Override
    public void close() {
        vertx.close();
    }
}
