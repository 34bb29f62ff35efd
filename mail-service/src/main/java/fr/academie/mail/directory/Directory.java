package fr.academie.mail.directory;

import fr.academie.mail.config.MailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The académie's directory, read from Keycloak as the client {@code mail-service} (view-users, query-users only):
 * who an académie address belongs to, and people found by name or identifier for the recipients' fields. An
 * address's owner is remembered for a few minutes (a message to a whole team asks once per person).
 */
@ApplicationScoped
public class Directory {

    private static final Duration REMEMBERED = Duration.ofMinutes(5);
    /** Beyond this many addresses remembered, the memory starts again (a bound, not a policy). */
    private static final int REMEMBERED_AT_MOST = 50_000;

    private final Keycloak keycloak;
    private final MailConfig config;
    private final Map<String, Remembered> byAddress = new ConcurrentHashMap<>();

    public Directory(Keycloak keycloak, MailConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    /** A person of the académie: the token subject that owns their mailbox, and how to address them. */
    public record Person(String id, String username, String name, String address) {
    }

    private record Remembered(Optional<Person> person, Instant until) {
    }

    /** Whether the address is one of the académie's (delivered here, never through the relay). */
    public boolean isAcademie(String address) {
        return address.toLowerCase(Locale.ROOT).endsWith("@" + config.domain());
    }

    /**
     * The enabled account whose e-mail is that académie address; empty when there is none.
     *
     * @throws Unavailable when Keycloak cannot be asked
     */
    public Optional<Person> owner(String address) {
        String key = address.toLowerCase(Locale.ROOT);
        Remembered remembered = byAddress.get(key);
        if (remembered != null && remembered.until().isAfter(Instant.now())) {
            return remembered.person();
        }
        Optional<Person> person = call(() -> keycloak.realm(config.realm()).users().searchByEmail(key, true))
                .stream().filter(user -> Boolean.TRUE.equals(user.isEnabled())).findFirst().map(Directory::person);
        if (byAddress.size() >= REMEMBERED_AT_MOST) {
            byAddress.clear();
        }
        byAddress.put(key, new Remembered(person, Instant.now().plus(REMEMBERED)));
        return person;
    }

    /** Up to {@code max} enabled people whose name, identifier or address contains the text. */
    public List<Person> search(String text, int max) {
        return call(() -> keycloak.realm(config.realm()).users().search(text, 0, max, true)).stream()
                .filter(user -> Boolean.TRUE.equals(user.isEnabled()) && user.getEmail() != null)
                .map(Directory::person).toList();
    }

    private static Person person(UserRepresentation user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Person(user.getId(), user.getUsername(), name.isEmpty() ? user.getUsername() : name,
                user.getEmail().toLowerCase(Locale.ROOT));
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
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
