package fr.academie.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The cluster imports the realm of deploy/keycloak, the one the local stack and the tests use: the
 * KeycloakRealmImport is generated from it, and the cluster changes only what realm-import.patch.yaml lists.
 * After a change to the realm file, {@code ./mvnw -pl deploy/kubernetes test -Dkubernetes.write-realm-import=true}
 * regenerates the import.
 */
class RealmImportTest {

    private static final Path IMPORT = Manifests.DIR.resolve("base/keycloak/realm-import.json");

    @Test
    void theImportHoldsTheRealmFileUnchanged() throws IOException {
        JsonNode realm = Manifests.readJson(Manifests.REALM);
        if (Boolean.getBoolean("kubernetes.write-realm-import")) {
            Files.writeString(IMPORT, Manifests.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realmImport(realm)) + "\n");
        }

        assertEquals(realmImport(realm), Manifests.readJson(IMPORT),
                "base/keycloak/realm-import.json differs from deploy/keycloak's realm: regenerate it (" + getClass().getSimpleName() + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theClusterChangesOnlyThePortalAddressAndTheClientSecrets(String overlay) {
        List<JsonNode> imports = Manifests.ofKind(Manifests.objects(overlay), "KeycloakRealmImport").toList();
        assertEquals(1, imports.size());
        ObjectNode imported = (ObjectNode) imports.get(0).path("spec").path("realm").deepCopy();

        JsonNode portail = imported.path("clients").path(0);
        assertEquals("https://portail.ac-orleans-tours.fr", portail.path("rootUrl").asText());
        assertEquals("${PORTAIL_SECRET}", portail.path("secret").asText());
        assertFalse(imported.toString().contains("Academie-Demo-2026!"), "no demo password in the cluster's realm");

        ObjectNode expected = (ObjectNode) Manifests.readJson(Manifests.REALM).deepCopy();
        copy(imported, expected, "clients/0/rootUrl", "clients/0/attributes/backchannel.logout.url");
        for (int client : new int[] {0, 1, 4, 5, 6}) {
            ((ObjectNode) expected.path("clients").path(client)).put("secret", imported.path("clients").path(client).path("secret").asText());
        }
        assertEquals(expected, imported);
        assertEquals(List.of("portail", "mail-service", "colibris-notifier", "portail-admin", "portail-notifier"),
                List.of(0, 1, 4, 5, 6).stream().map(i -> imported.path("clients").path(i).path("clientId").asText()).toList(),
                "the patch addresses clients by position: check realm-import.patch.yaml after reordering the realm's clients");
    }

    private static JsonNode realmImport(JsonNode realm) {
        ObjectNode root = Manifests.JSON.createObjectNode();
        root.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        root.put("kind", "KeycloakRealmImport");
        root.putObject("metadata").put("name", realm.path("realm").asText());
        ObjectNode spec = root.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.set("realm", realm);
        return root;
    }

    private static void copy(JsonNode from, ObjectNode to, String... pointers) {
        for (String pointer : pointers) {
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            String field = pointer.substring(pointer.lastIndexOf('/') + 1);
            ((ObjectNode) to.at("/" + parent)).set(field, from.at("/" + parent).path(field));
        }
    }
}
