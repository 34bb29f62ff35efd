package fr.academie.colibris.request;

import com.fasterxml.jackson.databind.JsonNode;
import fr.academie.colibris.catalogue.Step;
import fr.academie.colibris.outbox.DeliveryView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request as its page shows it: where it stands, its form, its history, and what the caller may do now. */
public record RequestView(UUID id, long number, RequestSummary.Type type, RequestStatus status, CurrentStep step,
                          String ownerName, JsonNode form, Instant createdAt, Instant submittedAt, Instant decidedAt,
                          Instant updatedAt, long version, List<String> actions, List<Event> history,
                          List<Piece> pieces, List<Message> messages, List<OpinionView> opinions,
                          List<DeliveryView> deliveries) {

    /** A file on the request: its name, type and size; its bytes at {@code /attachments/{id}}. */
    public record File(UUID id, String fileName, String contentType, long size, Instant uploadedAt) {

        static File of(Attachment attachment) {
            return new File(attachment.id, attachment.fileName, attachment.contentType, attachment.size,
                    attachment.uploadedAt);
        }
    }

    /** A supporting document the type asks for, and the file joined for it, if any. */
    public record Piece(String code, String label, boolean required, List<String> contentTypes, long maxBytes, File file) {
    }

    /** The step waiting for a decision, its deadline and whether it has passed. */
    public record CurrentStep(int number, int of, String label, Instant dueAt, boolean late) {
    }

    /** A line of the history. */
    public record Event(Instant at, String actorName, String onBehalfOf, RequestEvent.Kind kind,
                        RequestStatus fromStatus, RequestStatus toStatus, Integer step, String comment) {
    }

    /**
     * The request; {@code messages} as the caller may read them; {@code opinions}, for anyone but the person (else
     * null); {@code deliveries}, only for HR (else null).
     */
    /** A message of the exchanges: who wrote it (the requester, or a decider), a private note or not. */
    public record Message(UUID id, Instant at, String authorName, boolean fromRequester, boolean privateNote, String text,
                          List<File> attachments) {

        static Message of(RequestMessage message, HrRequest request) {
            return new Message(message.id, message.at, message.authorName, message.authorId.equals(request.ownerId),
                    message.privateNote, message.text, request.attachments.stream()
                    .filter(a -> message.id.equals(a.messageId)).map(File::of).toList());
        }
    }

    private static List<Piece> pieces(HrRequest request) {
        return request.type.definition.attachments().stream().map(spec -> new Piece(spec.code(), spec.label(),
                spec.required(), spec.contentTypes(), spec.maxBytes(), request.attachments.stream()
                .filter(a -> spec.code().equals(a.piece)).findFirst().map(File::of).orElse(null))).toList();
    }

    static RequestView of(HrRequest request, List<String> actions, List<RequestMessage> messages,
                          List<OpinionView> opinions, List<DeliveryView> deliveries, Instant now) {
        Step current = request.currentStep();
        CurrentStep step = current == null ? null : new CurrentStep(request.step, request.type.definition.circuit().size(),
                current.label(), request.dueAt, request.late(now));
        List<Event> history = request.history.stream().map(e -> new Event(e.at, e.actorName, e.onBehalfOf, e.kind, e.fromStatus,
                e.toStatus, e.step, e.comment)).toList();
        return new RequestView(request.id, request.number == null ? 0 : request.number,
                new RequestSummary.Type(request.type.code, request.type.label), request.status, step, request.ownerName,
                request.form, request.createdAt, request.submittedAt, request.decidedAt, request.updatedAt,
                request.version, actions, history, pieces(request),
                messages.stream().map(m -> Message.of(m, request)).toList(), opinions, deliveries);
    }
}
