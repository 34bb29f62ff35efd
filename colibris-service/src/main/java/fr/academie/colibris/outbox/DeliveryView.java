package fr.academie.colibris.outbox;

import java.time.Instant;
import java.util.UUID;

/** Where a notification stands, as HR sees it: for whom, about what, delivered when, or why not yet. */
public record DeliveryView(UUID id, UUID requestId, String recipientName, String subject, Instant createdAt, int attempts,
                       Instant nextAttemptAt, Instant deliveredAt, String lastError) {

    public static DeliveryView of(Notice notice) {
        return new DeliveryView(notice.id, notice.requestId, notice.recipientName, notice.subject, notice.createdAt,
                notice.attempts, notice.deliveredAt == null ? notice.nextAttemptAt : null, notice.deliveredAt,
                notice.lastError);
    }
}
