package fr.academie.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo accounts of DESIGN.md, for the local stack and the tests only: never part of the realm file.
 * Their ids are fixed so that each service's demo data can name its owner.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "Academie-Demo-2026!";

    /** A demo person as the README's accounts table shows them. */
    public record Account(String id, String username, String displayName, String roles, String uai) {
    }

    private DemoAccounts() {
    }

    public static Map<String, Account> all() {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (JsonNode user : representation().get("users")) {
            StringBuilder roles = new StringBuilder();
            user.get("realmRoles").forEach(role -> roles.append(roles.isEmpty() ? "" : ", ").append(role.asText()));
            JsonNode uai = user.path("attributes").path("uai").path(0);
            accounts.put(user.get("username").asText(), new Account(user.get("id").asText(), user.get("username").asText(),
                    user.get("firstName").asText() + " " + user.get("lastName").asText(), roles.toString(),
                    uai.isMissingNode() ? "—" : uai.asText()));
        }
        return accounts;
    }

    public static String id(String username) {
        Account account = all().get(username);
        if (account == null) {
            throw new IllegalArgumentException("Not a demo account: " + username);
        }
        return account.id();
    }

    /** Adds the accounts, with the demo password, to the realm; accounts that exist are left as they are. */
    public static void create(KeycloakAdmin admin) {
        ObjectNode representation = representation();
        for (JsonNode user : representation.get("users")) {
            ArrayNode credentials = ((ObjectNode) user).putArray("credentials");
            credentials.addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        }
        admin.partialImport(Keycloak.REALM, representation);
    }

    private static ObjectNode representation() {
        try (InputStream in = DemoAccounts.class.getResourceAsStream("/stack/demo-users.json")) {
            return (ObjectNode) KeycloakAdmin.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
