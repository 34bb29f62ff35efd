package fr.academie.gateway.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The applications the home page offers, kept as data ({@code catalogue-applications.json}, or the file that
 * {@code gateway.catalogue} names, as a ConfigMap mounted in the pod): each with its address, its icon and the realm
 * roles that see it. Read once at start; a malformed file stops the gateway there rather than showing an empty page.
 */
@ApplicationScoped
public class ApplicationCatalogue {

    /** One application: seen by whoever holds one of its roles, opened at its address (SSO through the realm). */
    public record Application(String id, String name, String description, String url, String icon, List<String> roles) {

        public Application {
            if (id == null || name == null || url == null || roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("An application needs an id, a name, an address and roles: " + id);
            }
            if (!url.startsWith("/") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("An application's address is a portal path or https: " + url);
            }
            roles = List.copyOf(roles);
        }
    }

    record Catalogue(List<Application> applications) {
    }

    private final List<Application> applications;

    public ApplicationCatalogue(@ConfigProperty(name = "gateway.catalogue") Optional<String> file) {
        this.applications = read(file.map(Path::of));
    }

    /** The applications one of these roles sees, in the catalogue's order. */
    public List<Application> visibleTo(Collection<String> roles) {
        return applications.stream().filter(application -> application.roles().stream().anyMatch(roles::contains)).toList();
    }

    static List<Application> read(Optional<Path> file) {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : ApplicationCatalogue.class.getResourceAsStream("/catalogue-applications.json")) {
            return List.copyOf(json.readValue(in, Catalogue.class).applications());
        } catch (IOException e) {
            throw new UncheckedIOException("The applications' catalogue cannot be read", e);
        }
    }
}
