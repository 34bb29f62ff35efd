package fr.academie.common.page;

import fr.academie.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A keyset position in a list sorted newest first: the instant and id of the last item seen, opaque to
 * clients (base64url). Stable under inserts, unlike an offset.
 */
public record Cursor(Instant at, UUID id) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * The query condition for the rows after this position in a list sorted by the instant field then the
     * id, both descending (newest first); it names the parameters {@code :at} and {@code :id} ({@link #parameters()}).
     * A qualified field ({@code m.received_at}) compares the id of the same alias ({@code m.id}).
     */
    public static String after(String instantField) {
        return keyset(instantField, "<");
    }

    /** The same for a list sorted by the instant field then the id, both ascending (the longest waiting first). */
    public static String afterOldestFirst(String instantField) {
        return keyset(instantField, ">");
    }

    private static String keyset(String instantField, String direction) {
        String id = instantField.substring(0, instantField.lastIndexOf('.') + 1) + "id";
        return "(" + instantField + " " + direction + " :at or (" + instantField + " = :at and " + id + " " + direction
                + " :id))";
    }

    /** The values of {@code :at} and {@code :id} for the conditions above. */
    public Map<String, Object> parameters() {
        return Map.of("at", at, "id", id);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes the cursor a client sent back; null stays null (the first page). */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("urn:portail:invalid-cursor", "cursor",
                    "Le curseur de pagination est invalide : reprenez la liste depuis le début.");
        }
    }

    /** The page size asked for, checked: between 1 and {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} if absent. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("urn:portail:invalid-limit", "limit",
                    "Le nombre d'éléments par page doit être compris entre 1 et " + MAX_LIMIT + ".");
        }
        return requested;
    }
}
