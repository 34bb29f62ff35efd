package fr.academie.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.Service;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What an operator follows: one trace from the browser's request to the mailbox (a request submitted through the
 * gateway goes to Colibris, whose outbox row keeps the trace, whose relay calls mail-service later within it), and the
 * meters of {@code /q/metrics} (sign-ins, latency histograms, connection pools, the outbox's backlog, mail delivered).
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class ObservabilityTest {

    private static final String TRAINING = """
            {"type": "formation", "form": {"intitule": "Préparation à l'agrégation interne", "organisme": "CNED",
             "dateDebut": "2027-01-11", "dureeHeures": 120}}""";

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aSubmissionsTraceGoesOnThroughTheOutboxToMailService() throws Exception {
        TestStack stack = TestStack.get();
        String school = "T" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        TestStack.Account teacher = stack.newAccount(Map.of("uai", school), "personnel", "enseignant");
        stack.newAccount(Map.of("uai", school), "personnel", "chef-etablissement"); // told of the request
        Browser browser = SignedIn.as(gateway, teacher.username());
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        // not sampled (flags 00): the tests keep no trace, the id goes on all the same
        Map<String, String> headers = Map.of(RequestGuard.CSRF_HEADER, "1", "Content-Type", "application/json",
                "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-00");

        HttpResponse<String> created = browser.send("POST", gateway.resolve("/api/colibris/requests"), headers, TRAINING);
        assertEquals(201, created.statusCode(), created.body());
        String id = new ObjectMapper().readTree(created.body()).get("id").asText();
        HttpResponse<String> submitted = browser.send("POST", gateway.resolve("/api/colibris/requests/" + id + "/submit"),
                headers, "{\"version\": 0}");
        assertEquals(200, submitted.statusCode(), submitted.body());

        // mail-service's line for the notification it delivered carries the trace id the request started with
        Path mailLog = stack.stack().logOf(Service.MAIL);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (Files.readAllLines(mailLog).stream().anyMatch(line -> line.contains("Notification") && line.contains(traceId))) {
                return;
            }
            Thread.sleep(200);
        }
        fail("mail-service's log has no notification line with the trace id " + traceId + " (" + mailLog + ")");
    }

    @Test
    void theMetersAnOperatorWatchesAreOnEachServicesMetricsPage() throws Exception {
        double signInsBefore = value(meters(gateway.resolve("/q/metrics")), "portail_sign_ins_total ");
        SignedIn.as(gateway, TestStack.get().newAccount("personnel", "enseignant").username());
        String gatewayMeters = meters(gateway.resolve("/q/metrics"));
        assertEquals(signInsBefore + 1, value(gatewayMeters, "portail_sign_ins_total "), "the sign-in is counted");
        assertMeter(gatewayMeters, "http_server_requests_seconds_bucket{");
        assertMeter(gatewayMeters, "agroal_active_count{");
        String colibris = meters(URI.create(TestStack.get().service(Service.COLIBRIS) + "/q/metrics"));
        assertMeter(colibris, "portail_outbox_backlog ");
        assertMeter(colibris, "portail_outbox_oldest_seconds ");
        assertMeter(colibris, "agroal_awaiting_count{");
        assertMeter(meters(URI.create(TestStack.get().service(Service.MAIL) + "/q/metrics")), "portail_mail_delivered_total{");
    }

    private static String meters(URI page) throws Exception {
        HttpResponse<String> response = new Browser().get(page);
        assertEquals(200, response.statusCode(), page.toString());
        return response.body();
    }

    private static double value(String meters, String prefix) {
        return meters.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Double.parseDouble(line.substring(prefix.length()).trim()))
                .orElseThrow(() -> new AssertionError("no meter " + prefix + " on the page"));
    }

    private static void assertMeter(String meters, String prefix) {
        assertTrue(meters.lines().anyMatch(line -> line.startsWith(prefix)), () -> "no meter " + prefix + " on the page");
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
