package fr.academie.iprof.agent;

import fr.academie.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** A keyset position in a list of agents sorted by last name, first name, id; opaque to clients (base64url). */
record NameCursor(String lastName, String firstName, UUID id) {

    private static final String SEPARATOR = "\u001f";

    /** The rows after this position; names the parameters {@code :lastName}, {@code :firstName} and {@code :id}. */
    static final String AFTER = "(lastName > :lastName or (lastName = :lastName and (firstName > :firstName"
            + " or (firstName = :firstName and id > :id))))";

    static NameCursor of(Agent agent) {
        return new NameCursor(agent.lastName, agent.firstName, agent.id);
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((lastName + SEPARATOR + firstName + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    static NameCursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            return new NameCursor(parts[0], parts[1], UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("urn:portail:invalid-cursor", "cursor",
                    "Le curseur de pagination est invalide : reprenez la liste depuis le début.");
        }
    }
}
