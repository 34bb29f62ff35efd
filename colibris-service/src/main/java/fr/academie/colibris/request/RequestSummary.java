package fr.academie.colibris.request;

import java.time.Instant;
import java.util.UUID;

/** A line of "Mes démarches" or "À traiter": what was asked, by whom, where it stands, by when. */
public record RequestSummary(UUID id, long number, Type type, RequestStatus status, String ownerName, Integer step,
                             String stepLabel, Instant dueAt, boolean late, Instant createdAt, Instant submittedAt,
                             Instant updatedAt) {

    /** The kind of request, with its French label. */
    public record Type(String code, String label) {
    }

    static RequestSummary of(HrRequest request, Instant now) {
        var step = request.currentStep();
        return new RequestSummary(request.id, request.number == null ? 0 : request.number,
                new Type(request.type.code, request.type.label), request.status, request.ownerName, request.step,
                step == null ? null : step.label(), request.dueAt, request.late(now),
                request.createdAt, request.submittedAt, request.updatedAt);
    }
}
