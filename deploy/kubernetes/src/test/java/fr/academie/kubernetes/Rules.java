package fr.academie.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Our own rules for what we deploy, beyond what the schemas say: each returns the violations it finds, in
 * words, so a test shows all of them at once.
 */
final class Rules {

    private static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started", "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
    /** What a committed Secret may hold: nothing, or a value that cannot be mistaken for a real one. */
    private static final Pattern PLACEHOLDER = Pattern.compile("|CHANGE_ME(_[A-Z0-9_]+)?");
    private static final Pattern QUARKUS_PROPERTY = Pattern.compile("(quarkus|gateway|mail|iprof|colibris|portail)(\\.[a-z0-9-]+)+");
    private static final Set<String> EXPOSED = Set.of("auth-gateway");

    private Rules() {
    }

    /** Every container: the three Quarkus health probes, requests and limits, the restricted security context. */
    static List<String> containers(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        Manifests.ofKind(objects, "Deployment").forEach(deployment -> {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode container : pod.path("containers")) {
                String where = Manifests.name(deployment) + " container " + container.path("name").asText();
                PROBES.forEach((probe, path) -> {
                    if (!path.equals(container.path(probe).path("httpGet").path("path").asText())) {
                        violations.add(where + ": no " + probe + " on " + path);
                    }
                });
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (container.path("resources").path(kind).path(resource).asText().isEmpty()) {
                            violations.add(where + ": no " + resource + " in resources." + kind);
                        }
                    }
                }
                violations.addAll(restricted(where, pod.path("securityContext"), container.path("securityContext")));
            }
        });
        return violations;
    }

    /** The "restricted" Pod Security Standard, as the container sees it (its own context over the pod's). */
    private static List<String> restricted(String where, JsonNode pod, JsonNode container) {
        List<String> violations = new ArrayList<>();
        if (!effective(pod, container, "runAsNonRoot").asBoolean(false)) {
            violations.add(where + ": runAsNonRoot is not true");
        }
        if (!container.path("allowPrivilegeEscalation").isBoolean() || container.path("allowPrivilegeEscalation").asBoolean()) {
            violations.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (!container.path("readOnlyRootFilesystem").asBoolean(false)) {
            violations.add(where + ": readOnlyRootFilesystem is not true");
        }
        JsonNode drop = container.path("capabilities").path("drop");
        if (drop.size() != 1 || !"ALL".equals(drop.path(0).asText()) || container.path("capabilities").has("add")) {
            violations.add(where + ": capabilities are not exactly drop [ALL]");
        }
        if (!"RuntimeDefault".equals(effective(pod, container, "seccompProfile").path("type").asText())) {
            violations.add(where + ": seccompProfile is not RuntimeDefault");
        }
        if (effective(pod, container, "runAsUser").asInt(-1) == 0) {
            violations.add(where + ": runs as user 0");
        }
        return violations;
    }

    private static JsonNode effective(JsonNode pod, JsonNode container, String field) {
        return container.has(field) ? container.path(field) : pod.path(field);
    }

    /** Secrets hold placeholders only; ConfigMaps hold Quarkus properties, nothing that looks like a secret, no demo data. */
    static List<String> configuration(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        Manifests.ofKind(objects, "Secret").forEach(secret -> {
            for (String field : List.of("data", "stringData")) {
                secret.path(field).fields().forEachRemaining(entry -> {
                    if (!PLACEHOLDER.matcher(entry.getValue().asText()).matches()) {
                        violations.add(Manifests.name(secret) + ": " + field + "." + entry.getKey() + " holds a real-looking value");
                    }
                });
            }
        });
        Manifests.ofKind(objects, "ConfigMap").forEach(map -> map.path("data").fieldNames().forEachRemaining(key -> {
            if (!QUARKUS_PROPERTY.matcher(key).matches()) {
                violations.add(Manifests.name(map) + ": key " + key + " is not a Quarkus property name");
            }
            if (key.endsWith("secret") || key.endsWith("password")) {
                violations.add(Manifests.name(map) + ": key " + key + " belongs in a Secret");
            }
            if (key.equals("portail.demo-data") && map.path("data").path(key).asText().equals("true")) {
                violations.add(Manifests.name(map) + ": loads the demo data, which is for the local stack only");
            }
        }));
        return violations;
    }

    /** Every image names its version (a tag other than latest, or a digest), so a rollout is a deliberate change. */
    static List<String> images(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        for (JsonNode object : objects) {
            List<JsonNode> images = new ArrayList<>(object.findValues("image"));
            images.addAll(object.findValues("imageName")); // CloudNativePG's field
            images.removeIf(image -> !image.isTextual());
            for (JsonNode image : images) {
                String reference = image.asText();
                String tag = reference.contains("@") ? "digest" : reference.substring(reference.lastIndexOf('/') + 1)
                        .replaceFirst("^[^:]*:?", "");
                if (tag.isEmpty() || tag.equals("latest")) {
                    violations.add(Manifests.name(object) + ": image " + reference + " has no version");
                }
            }
        }
        return violations;
    }

    /**
     * Only the gateway is behind an Ingress (Keycloak's own Ingress is the operator's), and the only Services reachable
     * from outside the cluster are the MX, on port 25, and the mail clients' doors (IMAP 143 and 993, submission 587
     * and 465, ManageSieve 4190).
     */
    static List<String> exposure(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        Manifests.ofKind(objects, "Ingress").forEach(ingress -> {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String service = path.path("backend").path("service").path("name").asText();
                    if (!EXPOSED.contains(service)) {
                        violations.add(Manifests.name(ingress) + " exposes " + service);
                    }
                }
            }
            if (ingress.path("spec").path("tls").isEmpty()) {
                violations.add(Manifests.name(ingress) + " has no TLS");
            }
        });
        Manifests.ofKind(objects, "Service").forEach(service -> {
            String type = service.path("spec").path("type").asText("ClusterIP");
            List<Integer> ports = new ArrayList<>();
            service.path("spec").path("ports").forEach(port -> ports.add(port.path("port").asInt()));
            String name = service.path("metadata").path("name").asText();
            boolean mail = "mail-mx".equals(name) && ports.equals(List.of(25))
                    || "mail-clients".equals(name) && ports.equals(List.of(143, 993, 587, 465, 4190));
            if ((type.equals("LoadBalancer") || type.equals("NodePort")) && !mail) {
                violations.add(Manifests.name(service) + " is reachable from outside the cluster (" + type + ")");
            }
        });
        return violations;
    }

    /**
     * Production: the database connections of the largest fleet (each service at its autoscaler's maximum times
     * its pool, Keycloak's instances times theirs) fit in PostgreSQL's max_connections, less the 3 it keeps
     * for superusers. Pools default to 20 (Agroal) and 100 (Keycloak) when not set.
     */
    static List<String> connections(List<JsonNode> objects) {
        long services = Manifests.ofKind(objects, "Deployment").mapToLong(deployment -> {
            String name = deployment.path("metadata").path("name").asText();
            String config = deployment.path("spec").path("template").path("spec").path("containers").path(0)
                    .path("envFrom").path(0).path("configMapRef").path("name").asText();
            int pool = Manifests.ofKind(objects, "ConfigMap").filter(map -> config.equals(map.path("metadata").path("name").asText()))
                    .mapToInt(map -> map.path("data").path("quarkus.datasource.jdbc.max-size").asInt(20)).findFirst().orElse(20);
            int pods = Manifests.ofKind(objects, "HorizontalPodAutoscaler")
                    .filter(hpa -> name.equals(hpa.path("spec").path("scaleTargetRef").path("name").asText()))
                    .mapToInt(hpa -> hpa.path("spec").path("maxReplicas").asInt()).findFirst()
                    .orElse(deployment.path("spec").path("replicas").asInt(1));
            return (long) pods * pool;
        }).sum();
        long keycloak = Manifests.ofKind(objects, "Keycloak").mapToLong(kc ->
                kc.path("spec").path("instances").asLong(1) * kc.path("spec").path("db").path("poolMaxSize").asLong(100)).sum();
        List<String> violations = new ArrayList<>();
        Manifests.ofKind(objects, "Cluster").forEach(cluster -> {
            long available = cluster.path("spec").path("postgresql").path("parameters").path("max_connections").asLong(100) - 3;
            if (services + keycloak > available) {
                violations.add(Manifests.name(cluster) + ": " + services + " service and " + keycloak
                        + " Keycloak connections at full scale exceed the " + available + " it accepts");
            }
        });
        return violations;
    }

    /** Production: each service autoscaled (no fixed replicas), a disruption budget, spread across nodes. */
    static List<String> availability(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        Manifests.ofKind(objects, "Deployment").forEach(deployment -> {
            String name = deployment.path("metadata").path("name").asText();
            if (deployment.path("spec").has("replicas")) {
                violations.add(Manifests.name(deployment) + " fixes its replicas, which its autoscaler owns");
            }
            boolean scaled = Manifests.ofKind(objects, "HorizontalPodAutoscaler").anyMatch(hpa ->
                    name.equals(hpa.path("spec").path("scaleTargetRef").path("name").asText())
                            && hpa.path("spec").path("minReplicas").asInt() >= 2);
            if (!scaled) {
                violations.add(Manifests.name(deployment) + " has no autoscaler keeping at least 2 replicas");
            }
            boolean budgeted = Manifests.ofKind(objects, "PodDisruptionBudget").anyMatch(pdb ->
                    name.equals(pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()));
            if (!budgeted) {
                violations.add(Manifests.name(deployment) + " has no PodDisruptionBudget");
            }
            boolean spread = false;
            for (JsonNode constraint : deployment.path("spec").path("template").path("spec").path("topologySpreadConstraints")) {
                spread |= "kubernetes.io/hostname".equals(constraint.path("topologyKey").asText());
            }
            if (!spread) {
                violations.add(Manifests.name(deployment) + " is not spread across nodes");
            }
        });
        return violations;
    }
}
