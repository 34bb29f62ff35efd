package fr.academie.colibris.directory;

import fr.academie.colibris.config.ColibrisConfig;
import fr.academie.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who decides, from the académie's directory: the enabled accounts holding a realm role, those of one school when the
 * step is the school's. Read from Keycloak as the client {@code colibris-notifier} (view-users, query-users, and
 * view-realm, which listing a role's members asks for: read only), by the outbox relay, outside any transaction.
 */
@ApplicationScoped
public class Directory {

    private static final int PAGE = 200;
    private static final int REMEMBERED_AT_MOST = 10_000;

    private final Map<String, Remembered> known = new ConcurrentHashMap<>();

    private record Remembered(List<Person> people, Instant until) {
    }

    private final Keycloak keycloak;
    private final String realm;

    /** How long an answer is remembered ({@code colibris.directory.remembered}). */
    private final Duration remembered;

    public Directory(Keycloak keycloak, @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm,
                     ColibrisConfig config) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.remembered = config.directory().remembered();
    }

    /** A person of the académie: the account id (token subject) and the name to greet. */
    public record Person(String id, String name) {
    }

    /**
     * The enabled accounts holding the role (directly), only those whose {@code uai} is the school's when one is named.
     *
     * @throws Unavailable when Keycloak cannot be asked
     */
    public List<Person> holders(String role, String uai) {
        String key = role + "|" + uai;
        Remembered answer = known.get(key);
        if (answer != null && answer.until().isAfter(Instant.now())) {
            return answer.people();
        }
        List<Person> people = ask(role, uai);
        if (known.size() >= REMEMBERED_AT_MOST) {
            known.clear();
        }
        known.put(key, new Remembered(List.copyOf(people), Instant.now().plus(remembered)));
        return people;
    }

    private List<Person> ask(String role, String uai) {
        List<Person> people = new ArrayList<>();
        try {
            for (int first = 0; ; first += PAGE) {
                List<UserRepresentation> page = keycloak.realm(realm).roles().get(role).getUserMembers(false, first, PAGE);
                page.stream().filter(user -> Boolean.TRUE.equals(user.isEnabled()) && (uai == null || uai.equals(uai(user))))
                        .map(Directory::person).forEach(people::add);
                if (page.size() < PAGE) {
                    return people;
                }
            }
        } catch (RuntimeException e) { // Keycloak down, slow or refusing: the relay tries again later
            throw new Unavailable(e);
        }
    }

    /**
     * The enabled account of that identifier, with its realm roles (effective) and its school.
     *
     * @throws Unavailable when Keycloak cannot be asked
     */
    public java.util.Optional<Colleague> byUsername(String username) {
        try {
            return keycloak.realm(realm).users().searchByUsername(username, true).stream()
                    .filter(user -> Boolean.TRUE.equals(user.isEnabled())).findFirst()
                    .map(user -> new Colleague(person(user), uai(user), keycloak.realm(realm).users().get(user.getId())
                            .roles().realmLevel().listEffective().stream().map(r -> r.getName())
                            .collect(java.util.stream.Collectors.toSet())));
        } catch (RuntimeException e) {
            throw new Unavailable(e);
        }
    }

    /**
     * The colleague a person names by their identifier, in a form's {@code field}: a 400 naming it when no enabled
     * account has it.
     */
    public Colleague named(String username, String field) {
        String identifier = username.strip().toLowerCase(java.util.Locale.ROOT);
        return byUsername(identifier).orElseThrow(() -> ProblemException.invalid("urn:portail:colibris:unknown-person",
                field, "Aucun compte actif n'a l'identifiant « " + identifier + " »."));
    }

    /** A colleague found by identifier: who, their school, their realm roles. */
    public record Colleague(Person person, String uai, java.util.Set<String> roles) {
    }

    private static String uai(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes();
        List<String> values = attributes == null ? null : attributes.get("uai");
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Person person(UserRepresentation user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Person(user.getId(), name.isEmpty() ? user.getUsername() : name);
    }

    /** Keycloak could not answer. */
    public static final class Unavailable extends RuntimeException {

        Unavailable(Throwable cause) {
            super("The directory (Keycloak) is unavailable: " + cause.getMessage(), cause);
        }
    }
}
