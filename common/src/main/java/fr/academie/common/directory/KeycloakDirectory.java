package fr.academie.common.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The académie's directory, read from Keycloak's admin API as the service's own client (quarkus-keycloak-admin-rest-client,
 * client credentials; read-only roles): who owns an address, people found by name, who holds a role in a school, a
 * colleague named by identifier. Only enabled accounts. The answers that callers repeat (an address's owner, a role's
 * holders) are remembered for {@code portail.directory.remembered}, so that a message to a whole team asks once per person.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final int PAGE = 200;
    /** Beyond this many answers remembered, the memory starts again (a bound, not a policy). */
    private static final int REMEMBERED_AT_MOST = 50_000;
    /** Keycloak keeps identifiers, addresses and names to 255 characters: a longer text names nobody. */
    private static final int LONGEST = 255;

    private final Instance<Keycloak> keycloak;
    private final String realm;
    private final Duration remembered;
    private final Map<String, Remembered<?>> answers = new ConcurrentHashMap<>();

    public KeycloakDirectory(
            Instance<Keycloak> keycloak,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "ac-orleans-tours") String realm,
            @ConfigProperty(name = "portail.directory.remembered", defaultValue = "5m") Duration remembered) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.remembered = remembered;
    }

    /** A person of the académie: the account id (token subject), identifier, name to greet, address, school. */
    public record Person(String id, String username, String name, String address, String uai) {
    }

    /** A colleague found by identifier, with their realm roles (effective). */
    public record Colleague(Person person, Set<String> roles) {
    }

    private record Remembered<T>(T answer, Instant until) {
    }

    /**
     * The enabled account whose e-mail is that address; empty when there is none.
     *
     * @throws Unavailable when Keycloak cannot be asked
     */
    public Optional<Person> byAddress(String address) {
        if (address.length() > LONGEST) {
            return Optional.empty();
        }
        String key = address.toLowerCase(Locale.ROOT);
        return remembered("address|" + key, () -> call(() -> users().searchByEmail(key, true)).stream()
                .filter(KeycloakDirectory::enabled).findFirst().map(KeycloakDirectory::person));
    }

    /** Up to {@code max} enabled people with an address whose name, identifier or address contains the text. */
    public List<Person> search(String text, int max) {
        if (text.length() > LONGEST) {
            return List.of();
        }
        return call(() -> users().search(text, 0, max, true)).stream()
                .filter(user -> enabled(user) && user.getEmail() != null).map(KeycloakDirectory::person).toList();
    }

    /**
     * Up to 20 enabled people whose first name contains the one word and last name the other (case aside): the
     * candidates for a display name that may borrow a colleague's.
     *
     * @throws Unavailable when Keycloak cannot be asked
     */
    public List<Person> namedLike(String firstName, String lastName) {
        if (firstName.length() > LONGEST || lastName.length() > LONGEST) {
            return List.of();
        }
        String first = firstName.strip().toLowerCase(Locale.ROOT);
        String last = lastName.strip().toLowerCase(Locale.ROOT);
        return remembered("name|" + first + "|" + last, () -> call(() -> users().search(null, first, last, null, 0, 20,
                true, true)).stream().filter(KeycloakDirectory::enabled).map(KeycloakDirectory::person).toList());
    }

    /**
     * The enabled accounts holding the realm role (directly), only those whose {@code uai} is the school's when one is
     * named.
     *
     * @throws Unavailable when Keycloak cannot be asked
     */
    public List<Person> holders(String role, String uai) {
        return remembered("role|" + role + "|" + uai, () -> call(() -> {
            List<Person> people = new ArrayList<>();
            for (int first = 0; ; first += PAGE) {
                List<UserRepresentation> page = keycloak.get().realm(realm).roles().get(role)
                        .getUserMembers(false, first, PAGE);
                page.stream().filter(user -> enabled(user) && (uai == null || uai.equals(uai(user))))
                        .map(KeycloakDirectory::person).forEach(people::add);
                if (page.size() < PAGE) {
                    return List.copyOf(people);
                }
            }
        }));
    }

    /**
     * The enabled account of that identifier (case-insensitive), with its realm roles.
     *
     * @throws Unavailable when Keycloak cannot be asked
     */
    public Optional<Colleague> byUsername(String username) {
        if (username.length() > LONGEST) {
            return Optional.empty();
        }
        String identifier = username.strip().toLowerCase(Locale.ROOT);
        return call(() -> users().searchByUsername(identifier, true).stream().filter(KeycloakDirectory::enabled)
                .findFirst().map(user -> new Colleague(person(user), users().get(user.getId()).roles().realmLevel()
                        .listEffective().stream().map(RoleRepresentation::getName).collect(Collectors.toSet()))));
    }

    /**
     * Where an account stands for a sign-in at the mail doors, found by identifier or address (disabled ones too):
     * its id and address, whether it is enabled, whether it must change its password (an administrator's reset, "ce
     * n'était pas moi"), and when its password was last set. Never remembered: a disabled account is seen at once.
     *
     * @throws Unavailable when Keycloak cannot be asked
     */
    public Optional<Standing> standing(String identifierOrAddress) {
        if (identifierOrAddress.length() > LONGEST) {
            return Optional.empty();
        }
        String key = identifierOrAddress.strip().toLowerCase(Locale.ROOT);
        return call(() -> (key.contains("@") ? users().searchByEmail(key, true) : users().searchByUsername(key, true))
                .stream().findFirst().map(user -> new Standing(user.getId(), person(user).address(), enabled(user),
                        Optional.ofNullable(user.getRequiredActions()).orElse(List.of()).contains("UPDATE_PASSWORD"),
                        passwordSetAt(user.getId()))));
    }

    /** When the account's password was set, from its credential's date; null when it has none. */
    private Instant passwordSetAt(String accountId) {
        return users().get(accountId).credentials().stream().filter(c -> "password".equals(c.getType()))
                .map(CredentialRepresentation::getCreatedDate).filter(Objects::nonNull).map(Instant::ofEpochMilli)
                .findFirst().orElse(null);
    }

    /** An account's standing for a sign-in (see {@link #standing}); {@code passwordSetAt} null when it has none. */
    public record Standing(String id, String address, boolean enabled, boolean passwordChangeRequired,
                           Instant passwordSetAt) {
    }

    private org.keycloak.admin.client.resource.UsersResource users() {
        return keycloak.get().realm(realm).users();
    }

    @SuppressWarnings("unchecked")
    private <T> T remembered(String key, Supplier<T> ask) {
        Remembered<?> known = answers.get(key);
        if (known != null && known.until().isAfter(Instant.now())) {
            return (T) known.answer();
        }
        T answer = ask.get();
        if (answers.size() >= REMEMBERED_AT_MOST) {
            answers.clear();
        }
        answers.put(key, new Remembered<>(answer, Instant.now().plus(remembered)));
        return answer;
    }

    private static boolean enabled(UserRepresentation user) {
        return Boolean.TRUE.equals(user.isEnabled());
    }

    /** The name to greet: first and last name, else the identifier. */
    private static Person person(UserRepresentation user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Person(user.getId(), user.getUsername(), name.isEmpty() ? user.getUsername() : name,
                user.getEmail() == null ? null : user.getEmail().toLowerCase(Locale.ROOT), uai(user));
    }

    private static String uai(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes();
        List<String> values = attributes == null ? null : attributes.get("uai");
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) { // Keycloak down, slow or refusing: the caller decides what to do
            throw new Unavailable(e);
        }
    }

    /** Keycloak could not answer. */
    public static final class Unavailable extends RuntimeException {

        Unavailable(Throwable cause) {
            super("The directory (Keycloak) is unavailable: " + cause.getMessage(), cause);
        }
    }
}
