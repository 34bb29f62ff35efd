package fr.academie.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our rules (probes, limits, restricted containers, secrets, exposure, availability) on what ops apply. */
class KubernetesRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyServiceContainerHasProbesLimitsAndTheRestrictedSecurityContext(String overlay) {
        List<JsonNode> objects = Manifests.objects(overlay);

        assertEquals(4, Manifests.ofKind(objects, "Deployment").count());
        assertEquals(List.of(), Rules.containers(objects));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyImageNamesItsVersion(String overlay) {
        List<JsonNode> objects = Manifests.objects(overlay);

        assertEquals(List.of(), Rules.images(objects));
        assertEquals(6, objects.stream().mapToLong(o -> o.findValues("image").size() + o.findValues("imageName").size()).sum(),
                "four services, Keycloak and PostgreSQL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "secrets/external-secrets"})
    void noSecretIsCommittedAndConfigMapsHoldQuarkusProperties(String kustomization) {
        List<JsonNode> objects = Manifests.objects(kustomization);

        assertEquals(List.of(), Rules.configuration(objects));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void onlyThePortalIsExposedAndOverTls(String overlay) {
        assertEquals(List.of(), Rules.exposure(Manifests.objects(overlay)));
    }

    @Test
    void productionAutoscalesBudgetsAndSpreadsEveryService() {
        assertEquals(List.of(), Rules.availability(Manifests.objects("overlays/prod")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theDatabaseAcceptsEveryConnectionOfTheLargestFleet(String overlay) {
        assertEquals(List.of(), Rules.connections(Manifests.objects(overlay)));
    }

    @Test
    void developmentRunsOneReplicaOfEachService() {
        Manifests.ofKind(Manifests.objects("overlays/dev"), "Deployment").forEach(deployment ->
                assertEquals(1, deployment.path("spec").path("replicas").asInt(), Manifests.name(deployment)));
    }

    @Test
    void theRulesFindWhatIsMissing() throws IOException {
        Path bad = Manifests.WORK.resolve("bad-rules.yaml");
        Files.writeString(bad, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: careless}
                spec:
                  replicas: 3
                  template:
                    spec:
                      securityContext: {runAsUser: 0}
                      containers:
                        - name: app
                          image: example.org/app
                          livenessProbe: {httpGet: {path: /q/health/live}}
                          resources: {limits: {memory: 512Mi}}
                          securityContext: {capabilities: {drop: [ALL], add: [NET_ADMIN]}}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: small}
                spec: {postgresql: {parameters: {max_connections: "50"}}}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: leaked}
                stringData: {password: Sup3r-S3cret!, placeholder: CHANGE_ME}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: mixed}
                data: {quarkus.datasource.password: x, JAVA_OPTS: -Xmx1g, quarkus.http.port: "8080", portail.demo-data: "true"}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: too-open}
                spec:
                  rules: [{http: {paths: [{path: /, backend: {service: {name: mail-service}}}]}}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: too-reachable}
                spec: {type: NodePort, ports: [{port: 8080}]}
                """);
        List<JsonNode> objects = Manifests.parse(bad);

        assertEquals(Set.of(
                "Deployment/careless container app: no startupProbe on /q/health/started",
                "Deployment/careless container app: no readinessProbe on /q/health/ready",
                "Deployment/careless container app: no cpu in resources.requests",
                "Deployment/careless container app: no memory in resources.requests",
                "Deployment/careless container app: no cpu in resources.limits",
                "Deployment/careless container app: runAsNonRoot is not true",
                "Deployment/careless container app: allowPrivilegeEscalation is not false",
                "Deployment/careless container app: readOnlyRootFilesystem is not true",
                "Deployment/careless container app: capabilities are not exactly drop [ALL]",
                "Deployment/careless container app: seccompProfile is not RuntimeDefault",
                "Deployment/careless container app: runs as user 0"), Set.copyOf(Rules.containers(objects)));
        assertEquals(List.of(
                "Secret/leaked: stringData.password holds a real-looking value",
                "ConfigMap/mixed: key quarkus.datasource.password belongs in a Secret",
                "ConfigMap/mixed: key JAVA_OPTS is not a Quarkus property name",
                "ConfigMap/mixed: loads the demo data, which is for the local stack only"), Rules.configuration(objects));
        assertEquals(List.of("Ingress/too-open exposes mail-service", "Ingress/too-open has no TLS",
                "Service/too-reachable is reachable from outside the cluster (NodePort)"), Rules.exposure(objects));
        assertEquals(List.of("Deployment/careless: image example.org/app has no version"), Rules.images(objects));
        assertEquals(List.of("Cluster/small: 60 service and 0 Keycloak connections at full scale exceed the 47 it accepts"),
                Rules.connections(objects));
        assertTrue(Rules.availability(objects).containsAll(List.of(
                "Deployment/careless fixes its replicas, which its autoscaler owns",
                "Deployment/careless has no autoscaler keeping at least 2 replicas",
                "Deployment/careless has no PodDisruptionBudget",
                "Deployment/careless is not spread across nodes")));
    }
}
