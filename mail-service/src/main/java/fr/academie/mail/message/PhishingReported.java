package fr.academie.mail.message;

import java.util.List;
import java.util.UUID;

/**
 * A person has said "Signaler un hameçonnage" of these messages of hers (now in Indésirables): fired inside the
 * action's transaction, so that the report to the security team is sent with the move or not at all.
 */
public record PhishingReported(String ownerId, String ownerAddress, List<UUID> messageIds) {
}
