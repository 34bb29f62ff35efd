package fr.academie.stack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation a service publishes (read from its own OpenAPI document, so that a new endpoint cannot be
 * forgotten) refuses a call without a token and a token without the service's audience, with a 401: a problem in
 * French and RFC 6750's {@code WWW-Authenticate: Bearer} challenge.
 */
public final class EndpointDenials {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EndpointDenials() {
    }

    /** One dynamic test per operation of the service at {@code base}; fails if it publishes fewer than {@code atLeast}. */
    public static Stream<DynamicTest> ofEveryOperation(URI base, int atLeast) throws IOException, InterruptedException {
        JsonNode paths = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("paths");
        List<String[]> operations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(new String[] {method.toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString())});
            }
        }));
        assertTrue(operations.size() >= atLeast, "the document lists the service's operations: " + operations.size());
        String otherAudience = TestStack.get().accessToken("pronote", "lmartin");
        return operations.stream().map(op -> DynamicTest.dynamicTest(op[0] + " " + op[1], () -> {
            refused(call(base, op, null), "no token");
            refused(call(base, op, otherAudience), "a token for another audience");
        }));
    }

    private static void refused(HttpResponse<String> answer, String why) {
        assertEquals(401, answer.statusCode(), why);
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), why);
        assertTrue(answer.body().contains("urn:portail:unauthenticated"), why + ": " + answer.body());
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), why);
    }

    private static HttpResponse<String> call(URI base, String[] operation, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(operation[1])).header("Content-Type", "application/json")
                .method(operation[0], HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
