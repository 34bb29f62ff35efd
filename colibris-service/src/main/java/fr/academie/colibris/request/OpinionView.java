package fr.academie.colibris.request;

import java.time.Instant;
import java.util.UUID;

/** An opinion asked about a request: which request, who asked whom, the question, and the answer once given. */
public record OpinionView(UUID id, UUID requestId, long requestNumber, String typeLabel, String ownerName,
                          String askedByName, String askedOfName, String question, Instant askedAt, String answer,
                          Instant answeredAt, boolean yoursToGive) {

    /** The opinion as {@code readerId} reads it ({@code yoursToGive}: asked of them and not given yet). */
    static OpinionView of(Opinion opinion, String readerId) {
        HrRequest request = opinion.request;
        return new OpinionView(opinion.id, request.id, request.number == null ? 0 : request.number, request.type.label,
                request.ownerName, opinion.askedByName, opinion.askedOfName, opinion.question, opinion.askedAt,
                opinion.answer, opinion.answeredAt, opinion.askedOfId.equals(readerId) && opinion.answeredAt == null);
    }
}
