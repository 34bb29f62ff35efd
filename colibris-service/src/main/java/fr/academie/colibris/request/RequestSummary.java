package fr.academie.colibris.request;

import java.time.Instant;
import java.util.UUID;

/** A line of "Mes démarches": what was asked, where it stands, when. */
public record RequestSummary(UUID id, Type type, RequestStatus status, Instant createdAt, Instant submittedAt,
                             Instant updatedAt) {

    /** The kind of request, with its French label. */
    public record Type(String code, String label) {
    }

    static RequestSummary of(HrRequest request) {
        return new RequestSummary(request.id, new Type(request.type.code, request.type.label), request.status,
                request.createdAt, request.submittedAt, request.updatedAt);
    }
}
