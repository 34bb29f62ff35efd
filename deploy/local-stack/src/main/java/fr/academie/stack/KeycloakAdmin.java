package fr.academie.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few Keycloak admin REST calls the stack needs, authenticated as the bootstrap admin client of the
 * master realm. Every status is checked; a failure names the call.
 */
public final class KeycloakAdmin {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String clientId;
    private final String secret;

    public KeycloakAdmin(String baseUrl, String clientId, String secret) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** Imports users, clients or roles into an existing realm, skipping those that already exist. */
    public void partialImport(String realm, JsonNode representation) {
        send("POST", "/admin/realms/" + realm + "/partialImport", representation);
    }

    public void createRealm(JsonNode representation) {
        send("POST", "/admin/realms", representation);
    }

    public boolean realmExists(String realm) {
        return call("GET", "/admin/realms/" + realm, null).statusCode() == 200;
    }

    public JsonNode client(String realm, String clientId) {
        JsonNode found = read("/admin/realms/" + realm + "/clients?clientId=" + encode(clientId));
        if (found.isEmpty()) {
            throw new StackException("No client " + clientId + " in realm " + realm);
        }
        return found.get(0);
    }

    public String clientSecret(String realm, String clientId) {
        String id = client(realm, clientId).get("id").asText();
        return read("/admin/realms/" + realm + "/clients/" + id + "/client-secret").get("value").asText();
    }

    public void updateClient(String realm, ObjectNode client) {
        send("PUT", "/admin/realms/" + realm + "/clients/" + client.get("id").asText(), client);
    }

    public void createClient(String realm, JsonNode client) {
        send("POST", "/admin/realms/" + realm + "/clients", client);
    }

    /** Sets a user's password; the response is returned as is, so that a refusal by the policy can be read. */
    public HttpResponse<String> resetPassword(String realm, String userId, String password) {
        return call("PUT", "/admin/realms/" + realm + "/users/" + userId + "/reset-password",
                JSON.createObjectNode().put("type", "password").put("value", password).put("temporary", false));
    }

    /** Removes the user's credentials of a type ({@code otp}...), as an administrator resetting them would. */
    public void removeCredentials(String realm, String userId, String type) {
        String path = "/admin/realms/" + realm + "/users/" + userId + "/credentials";
        for (JsonNode credential : read(path)) {
            if (type.equals(credential.get("type").asText())) {
                send("DELETE", path + "/" + credential.get("id").asText(), null);
            }
        }
    }

    /** Creates a resource of the admin API (a key provider, a user...) from its representation. */
    public void create(String path, JsonNode representation) {
        send("POST", path, representation);
    }

    public void delete(String path) {
        send("DELETE", path, null);
    }

    /** Replaces a resource of the admin API (a user, a client...) with the representation given. */
    public void update(String path, JsonNode representation) {
        send("PUT", path, representation);
    }

    public JsonNode read(String path) {
        HttpResponse<String> response = call("GET", path, null);
        check("GET " + path, response);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new StackException("GET " + path + " did not return JSON", e);
        }
    }

    private void send(String method, String path, JsonNode body) {
        check(method + " " + path, call(method, path, body));
    }

    private static void check(String what, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new StackException("Keycloak admin " + what + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private HttpResponse<String> call(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return exchange(request.build());
    }

    /** A fresh admin token per call: master tokens live 60 s and these calls are few. */
    private String token() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)))
                .build();
        HttpResponse<String> response = exchange(request);
        check("token", response);
        try {
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new StackException("Admin token response is not JSON", e);
        }
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("Keycloak admin API unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }
}
