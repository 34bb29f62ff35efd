package fr.academie.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The kustomizations of deploy/kubernetes, built once per test run into target/manifests, and their objects. */
final class Manifests {

    static final Path DIR = Path.of(System.getProperty("kubernetes.dir", "."));
    static final Path WORK = Path.of(System.getProperty("kubernetes.work", "target"));
    static final Path REALM = DIR.resolve("../keycloak/realm-ac-orleans-tours.json");
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Every kustomization ops may apply: the two overlays, and the External Secrets example. */
    static final List<String> KUSTOMIZATIONS = List.of("overlays/dev", "overlays/prod", "secrets/external-secrets");

    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The YAML file {@code kustomize build} made of a kustomization (a path under deploy/kubernetes). */
    static Path built(String kustomization) {
        return BUILT.computeIfAbsent(kustomization, name -> {
            try {
                Path file = WORK.resolve("manifests").resolve(name.replace('/', '-') + ".yaml");
                Files.createDirectories(file.getParent());
                Files.writeString(file, Tools.kustomizeBuild(DIR.resolve(name).toAbsolutePath().normalize()));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<JsonNode> objects(String kustomization) {
        return parse(built(kustomization));
    }

    static List<JsonNode> parse(Path yaml) {
        try (var parser = new YAMLFactory().createParser(yaml.toFile())) {
            List<JsonNode> objects = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    objects.add(node);
                }
            });
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    static String name(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
