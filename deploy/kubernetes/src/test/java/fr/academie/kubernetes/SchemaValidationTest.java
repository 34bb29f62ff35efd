package fr.academie.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kustomize builds each kustomization, and every object it makes matches the schema of its kind. */
class SchemaValidationTest {

    static final List<String> KUSTOMIZATIONS = Manifests.KUSTOMIZATIONS;

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyObjectMatchesTheSchemaOfItsKind(String kustomization) {
        int objects = Manifests.objects(kustomization).size();
        Tools.Result result = SchemaValidator.validate(List.of(Manifests.built(kustomization)));

        assertEquals(0, result.status(), result.output());
        assertTrue(result.output().contains(objects + " objects checked, 0 invalid"), result.output());
    }

    @Test
    void objectsTheirSchemasForbidAndUnknownKindsAreRefused() throws IOException {
        Path bad = Manifests.WORK.resolve("bad-objects.yaml");
        Files.writeString(bad, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: replicas-as-text}
                spec:
                  replicas: two
                  selector: {matchLabels: {a: b}}
                  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: instances-as-text}
                spec: {instances: "3", storage: {size: 1Gi}}
                ---
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: misspelt-field}
                spec: {instancess: 2}
                ---
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: no-keycloak}
                spec: {realm: {realm: ac-orleans-tours}}
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: endpoints-not-a-list}
                spec: {selector: {}, endpoints: {port: http}}
                ---
                apiVersion: example.org/v1
                kind: Widget
                metadata: {name: unknown-kind}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: valid}
                spec: {ports: [{port: 8080}]}
                """);

        Tools.Result result = SchemaValidator.validate(List.of(bad));

        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains("7 objects checked, 6 invalid"), result.output());
        for (String name : List.of("replicas-as-text", "instances-as-text", "misspelt-field", "no-keycloak",
                "endpoints-not-a-list", "unknown-kind")) {
            assertTrue(result.output().contains(name + ":"), name + " should be refused:\n" + result.output());
        }
    }
}
