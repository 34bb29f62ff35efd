package fr.academie.colibris.request;

import fr.academie.colibris.actor.Actor;
import fr.academie.colibris.catalogue.Catalogue;
import fr.academie.colibris.catalogue.RequestType;
import fr.academie.colibris.catalogue.Step;
import fr.academie.colibris.outbox.DeliveryView;
import fr.academie.colibris.outbox.Notice;
import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.common.realm.Roles;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Requests as people see and move them: the person's own; once submitted, those whose circuit has a step the caller
 * decides in their scope (a head of school: their school's; HR: all), and those they decided; anyone else is told
 * it does not exist. A second decider who acted on a request a colleague has just moved on so gets a 409, not a 404.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequestService {

    private final Catalogue catalogue;
    private final Event<RequestNews> news;

    public RequestService(Catalogue catalogue, Event<RequestNews> news) {
        this.catalogue = catalogue;
        this.news = news;
    }

    /** "Mes démarches": the person's requests, most recently created first, by keyset pages. */
    public Page<RequestSummary> list(String ownerId, int limit, Cursor after) {
        Parameters parameters = Parameters.with("owner", ownerId);
        String where = "ownerId = :owner";
        if (after != null) {
            where += " and " + Cursor.after("createdAt");
            after.parameters().forEach(parameters::and);
        }
        List<HrRequest> rows = HrRequest.<HrRequest>find(where + " order by createdAt desc, id desc", parameters)
                .range(0, limit).list();
        Instant now = Instant.now();
        return Page.of(rows, limit, r -> new Cursor(r.createdAt, r.id), r -> RequestSummary.of(r, now));
    }

    /**
     * "À traiter": the requests waiting at a step the caller decides (their role; their school for a step scoped
     * to it; and those delegated to them), the longest waiting first.
     */
    public Page<RequestSummary> toDecide(Actor actor, int limit, Cursor after) {
        List<String> steps = new ArrayList<>();
        Parameters parameters = Parameters.with("status", RequestStatus.IN_REVIEW);
        for (RequestType type : catalogue.types()) {
            List<Step> circuit = type.definition.circuit();
            for (int n = 1; n <= circuit.size(); n++) {
                Step step = circuit.get(n - 1);
                String name = "t" + steps.size();
                if (step.scope() == Step.Scope.ACADEMIE && actor.holds(step.role())) {
                    steps.add("(type.code = :" + name + " and step = " + n + ")");
                    parameters.and(name, type.code);
                } else if (step.scope() == Step.Scope.UAI && !actor.schoolsFor(step.role()).isEmpty()) {
                    steps.add("(type.code = :" + name + " and step = " + n + " and uai in :u" + name + ")");
                    parameters.and(name, type.code).and("u" + name, actor.schoolsFor(step.role()));
                }
            }
        }
        if (steps.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        String where = "status = :status and (" + String.join(" or ", steps) + ")";
        if (after != null) {
            where += " and " + Cursor.afterOldestFirst("updatedAt");
            after.parameters().forEach(parameters::and);
        }
        List<HrRequest> rows = HrRequest.<HrRequest>find(where + " order by updatedAt, id", parameters).range(0, limit).list();
        Instant now = Instant.now();
        return Page.of(rows, limit, r -> new Cursor(r.updatedAt, r.id), r -> RequestSummary.of(r, now));
    }

    @Transactional
    public RequestView create(Actor actor, RequestInputs.NewRequest input) {
        RequestType type = catalogue.type(input.type()).orElseThrow(() -> ProblemException.invalid(
                "urn:portail:colibris:unknown-type", "type", "Ce type de démarche n'existe pas : choisissez-en un du catalogue."));
        HrRequest request = HrRequest.draft(type, actor, RequestInputs.formOrEmpty(input.form()), Instant.now());
        request.persist();
        Panache.getEntityManager().flush(); // its number, given by the database
        return view(actor, request);
    }

    public Optional<RequestView> find(Actor actor, UUID id) {
        return visible(actor, id).map(request -> view(actor, request));
    }

    @Transactional
    public RequestView edit(Actor actor, UUID id, RequestInputs.Edit input) {
        return change(actor, id, input.version(), r -> r.edit(actor, input.form(), Instant.now()));
    }

    @Transactional
    public RequestView submit(Actor actor, UUID id, RequestInputs.Move input) {
        return change(actor, id, input.version(), r -> r.submit(actor, catalogue.campaigns(r.type.code), Instant.now()));
    }

    @Transactional
    public RequestView withdraw(Actor actor, UUID id, RequestInputs.Move input) {
        return change(actor, id, input.version(), r -> r.withdraw(actor, Instant.now()));
    }

    /** A draft deleted by its owner, with its files (the database cascades); nothing else is ever deleted here. */
    @Transactional
    public void discard(Actor actor, UUID id) {
        HrRequest request = visible(actor, id).orElseThrow(RequestProblems::notFound);
        request.checkDiscardable(actor);
        HrRequest.delete("id", request.id);
    }

    @Transactional
    public RequestView decide(Actor actor, UUID id, RequestInputs.Decision input) {
        return change(actor, id, input.version(), r -> {
            switch (input.decision()) {
                case APPROVE -> r.approve(actor, input.comment(), Instant.now());
                case REFUSE -> r.refuse(actor, input.comment(), Instant.now());
                case RETURN -> r.returnForCompletion(actor, input.comment(), Instant.now());
            }
        });
    }

    /** A message of the exchanges; the person or the deciders are told of it (not of a private note). */
    @Transactional
    public RequestView.Message write(Actor actor, UUID id, RequestInputs.Message input) {
        HrRequest request = visible(actor, id).orElseThrow(RequestProblems::notFound);
        RequestMessage message = request.write(actor, input.privateNote(), input.text(), input.attachments(), Instant.now());
        message.persist();
        if (!message.privateNote) {
            news.fire(new RequestNews.MessageWritten(request, message));
        }
        return RequestView.Message.of(message, request);
    }

    /** The decider of the current step asks a colleague for an opinion; the colleague is told. */
    @Transactional
    public OpinionView askOpinion(Actor actor, UUID id, String colleagueId, String colleagueName, String question) {
        HrRequest request = visible(actor, id).orElseThrow(RequestProblems::notFound);
        Opinion opinion = request.askOpinion(actor, colleagueId, colleagueName, question, Instant.now());
        opinion.persist();
        news.fire(new RequestNews.OpinionAsked(opinion));
        return OpinionView.of(opinion, actor.id());
    }

    /** The opinions asked of the caller, those waiting for an answer first. */
    public List<OpinionView> opinionsAskedOf(Actor actor) {
        return Opinion.<Opinion>list("askedOfId = ?1 order by answeredAt nulls first, askedAt desc", actor.id()).stream()
                .map(o -> OpinionView.of(o, actor.id())).toList();
    }

    /** The colleague asked answers; whoever asked is told. */
    @Transactional
    public OpinionView giveOpinion(Actor actor, UUID opinionId, String answer) {
        Opinion opinion = Opinion.<Opinion>findByIdOptional(opinionId).orElseThrow(RequestProblems::notFound);
        opinion.give(actor, answer, Instant.now());
        news.fire(new RequestNews.OpinionGiven(opinion));
        return OpinionView.of(opinion, actor.id());
    }

    /** A supporting document ({@code piece} named) or a file for a message of the exchanges (none named). */
    @Transactional
    public RequestView.File attach(Actor actor, UUID id, String piece, String fileName, String contentType, byte[] content) {
        HrRequest request = visible(actor, id).orElseThrow(RequestProblems::notFound);
        Attachment attachment = piece == null || piece.isBlank()
                ? request.attachForMessage(actor, fileName, contentType, content, Instant.now())
                : request.attachPiece(actor, piece, fileName, contentType, content, Instant.now());
        Panache.getEntityManager().flush(); // the row first, then its bytes
        AttachmentContent bytes = new AttachmentContent();
        bytes.attachmentId = attachment.id;
        bytes.content = content;
        bytes.persist();
        return RequestView.File.of(attachment);
    }

    @Transactional
    public void detach(Actor actor, UUID id, UUID attachmentId) {
        HrRequest request = visible(actor, id).orElseThrow(RequestProblems::notFound);
        request.detachPiece(actor, attachmentId);
    }

    /**
     * A file with its bytes, for whoever sees the request — a private note's files for the deciders only, a file not
     * sent yet for its uploader only; anyone else is told it does not exist.
     */
    public Optional<Download> download(Actor actor, UUID attachmentId) {
        return Attachment.<Attachment>findByIdOptional(attachmentId)
                .filter(a -> visible(actor, a.request.id).isPresent())
                .filter(a -> a.piece != null || (a.messageId == null ? a.uploadedById.equals(actor.id())
                        : !(RequestMessage.<RequestMessage>findById(a.messageId).privateNote
                        && actor.id().equals(a.request.ownerId))))
                .map(a -> new Download(a.fileName, a.contentType, AttachmentContent.<AttachmentContent>findById(a.id).content));
    }

    /** A file to send back. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    /**
     * Applies a transition to the version the caller read: another change since (a colleague deciding at the same
     * moment) is a 409, whether seen here or by the database's version check at the flush; the notifications it
     * calls for join the same transaction (the outbox).
     */
    private RequestView change(Actor actor, UUID id, long version, Consumer<HrRequest> transition) {
        HrRequest request = visible(actor, id).orElseThrow(RequestProblems::notFound);
        if (request.version != version) {
            throw RequestProblems.changed();
        }
        int known = request.history.size();
        transition.accept(request);
        // the messages it calls for, in this same transaction: committed together, or not at all
        request.history.subList(known, request.history.size())
                .forEach(event -> news.fire(new RequestNews.Moved(request, event)));
        try {
            Panache.getEntityManager().flush();
        } catch (OptimisticLockException e) {
            throw RequestProblems.changed();
        }
        return view(actor, request);
    }

    private Optional<HrRequest> visible(Actor actor, UUID id) {
        return HrRequest.<HrRequest>findByIdOptional(id).filter(request -> actor.id().equals(request.ownerId)
                || (request.status != RequestStatus.DRAFT && (actor.roles().contains(Roles.HR)
                || request.type.definition.circuit().stream().anyMatch(step -> actor.decides(step, request.uai))
                || request.history.stream().anyMatch(e -> actor.id().equals(e.actorId))
                || Opinion.count("request = ?1 and askedOfId = ?2", request, actor.id()) > 0)));
    }

    private static RequestView view(Actor actor, HrRequest request) {
        List<String> actions = new ArrayList<>();
        if (actor.id().equals(request.ownerId)) {
            if (request.status == RequestStatus.DRAFT || request.status == RequestStatus.RETURNED) {
                actions.addAll(List.of("edit", "submit"));
            }
            if (!request.status.isFinal()) {
                actions.add("withdraw");
            }
        }
        if (request.currentStep() != null && actor.decides(request.currentStep(), request.uai)) {
            actions.addAll(List.of("approve", "refuse", "return"));
        }
        if (request.status != RequestStatus.DRAFT) {
            actions.add("write");
            if (!actor.id().equals(request.ownerId)) {
                actions.add("note");
            }
        }
        List<DeliveryView> deliveries = actor.roles().contains(Roles.HR) ? Notice.<Notice>list(
                "requestId = ?1 order by createdAt, id", request.id).stream().map(DeliveryView::of).toList() : null;
        List<OpinionView> opinions = actor.id().equals(request.ownerId) ? null : Opinion.<Opinion>list(
                "request = ?1 order by askedAt, id", request).stream().map(o -> OpinionView.of(o, actor.id())).toList();
        if (request.currentStep() != null && actor.decides(request.currentStep(), request.uai)) {
            actions.add("ask-opinion");
        }
        return RequestView.of(request, actions, RequestMessage.readBy(request, actor), opinions, deliveries, Instant.now());
    }
}
