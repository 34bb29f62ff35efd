package fr.academie.colibris.notification;

import java.time.Instant;
import java.util.UUID;

/** Where a notification stands, as HR sees it: for whom, about what, delivered when, or why not yet. */
public record Delivery(UUID id, UUID requestId, String recipientName, String subject, Instant createdAt, int attempts,
                       Instant nextAttemptAt, Instant deliveredAt, String lastError) {

    public static Delivery of(Notice notice) {
        return new Delivery(notice.id, notice.requestId, notice.recipientName, notice.subject, notice.createdAt,
                notice.attempts, notice.deliveredAt == null ? notice.nextAttemptAt : null, notice.deliveredAt,
                notice.lastError);
    }
}
