package fr.academie.colibris.request;

import com.fasterxml.jackson.databind.JsonNode;
import fr.academie.colibris.catalogue.Step;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request as its page shows it: where it stands, its form, its history, and what the caller may do now. */
public record RequestView(UUID id, long number, RequestSummary.Type type, RequestStatus status, CurrentStep step,
                          String ownerName, JsonNode form, Instant createdAt, Instant submittedAt, Instant decidedAt,
                          Instant updatedAt, long version, List<String> actions, List<Event> history) {

    /** The step waiting for a decision, its deadline and whether it has passed. */
    public record CurrentStep(int number, int of, String label, Instant dueAt, boolean late) {
    }

    /** A line of the history. */
    public record Event(Instant at, String actorName, RequestEvent.Kind kind, RequestStatus fromStatus,
                        RequestStatus toStatus, Integer step, String comment) {
    }

    static RequestView of(HrRequest request, List<String> actions, Instant now) {
        Step current = request.currentStep();
        CurrentStep step = current == null ? null : new CurrentStep(request.step, request.type.definition.circuit().size(),
                current.label(), request.dueAt, request.late(now));
        List<Event> history = request.history.stream().map(e -> new Event(e.at, e.actorName, e.kind, e.fromStatus,
                e.toStatus, e.step, e.comment)).toList();
        return new RequestView(request.id, request.number == null ? 0 : request.number,
                new RequestSummary.Type(request.type.code, request.type.label), request.status, step, request.ownerName,
                request.form, request.createdAt, request.submittedAt, request.decidedAt, request.updatedAt,
                request.version, actions, history);
    }
}
