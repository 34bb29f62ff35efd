package fr.academie.colibris.request;

import com.fasterxml.jackson.databind.JsonNode;
import fr.academie.colibris.actor.Actor;
import fr.academie.colibris.catalogue.AttachmentSpec;
import fr.academie.colibris.catalogue.Campaign;
import fr.academie.colibris.catalogue.FormCheck;
import fr.academie.colibris.catalogue.RequestType;
import fr.academie.colibris.catalogue.Step;
import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A person's HR request and its life: every transition is a method here that enforces the rules (who may, from
 * which status, the campaign window, a reason to refuse) and writes the history entry. Concurrent changes are
 * refused by the version (optimistic locking).
 */
@Entity
@Table(name = "hr_request")
public class HrRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The number people quote ("demande n° 1042"), given by the database. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long number;

    /** The token subject of the person who files the request. */
    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "owner_name")
    public String ownerName;

    /** The requester's school when they filed it: whose head of school decides. */
    public String uai;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "type_code")
    public RequestType type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode form;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    /** The circuit step waiting for a decision (1-based), while in review. */
    public Integer step;

    /** The step that returned the request for completion: where the circuit resumes. */
    @Column(name = "returned_step")
    public Integer returnedStep;

    /** When the current step should be decided. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    public List<RequestEvent> history = new ArrayList<>();

    /** The supporting documents and the files of the exchanges (their bytes apart). */
    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("uploadedAt, id")
    public List<Attachment> attachments = new ArrayList<>();

    /** A new draft of that type for the person. */
    public static HrRequest draft(RequestType type, Actor owner, JsonNode form, Instant now) {
        HrRequest request = new HrRequest();
        request.id = UUID.randomUUID();
        request.type = type;
        request.ownerId = owner.id();
        request.ownerName = owner.name();
        request.uai = owner.uai();
        request.form = form;
        request.status = RequestStatus.DRAFT;
        request.createdAt = now;
        request.updatedAt = now;
        request.record(owner, RequestEvent.Kind.CREATED, null, null, null, now);
        return request;
    }

    /** The person changes the form of a draft or of a request returned to them. */
    public void edit(Actor actor, JsonNode form, Instant now) {
        owner(actor, "modifier");
        allowed("modifier", RequestStatus.DRAFT, RequestStatus.RETURNED);
        this.form = form;
        this.updatedAt = now;
    }

    /**
     * The person submits: the form must be valid and, for a type filed in campaigns, one of them open (in its extra
     * time, the history says so and why); a request returned for completion resumes at the step that returned it.
     */
    public void submit(Actor actor, List<Campaign> campaigns, Instant now) {
        owner(actor, "déposer");
        allowed("déposer", RequestStatus.DRAFT, RequestStatus.RETURNED);
        FormCheck.check(type.definition, form);
        for (AttachmentSpec piece : type.definition.attachments()) {
            if (piece.required() && attachments.stream().noneMatch(a -> piece.code().equals(a.piece))) {
                throw RequestProblems.missingPiece(piece);
            }
        }
        String note = null;
        if (type.definition.campaign()) {
            Campaign open = campaigns.stream().filter(c -> c.admits(now)).findFirst()
                    .orElseThrow(() -> RequestProblems.campaignClosed(type.label, nearest(campaigns, now)));
            campaignId = open.id;
            note = open.inExtraTime(now) ? "Déposée pendant la prolongation de la campagne « " + open.label
                    + " », jusqu'au " + FrenchDates.dayAndTime(open.closing()) + " (heure de Paris) : " + open.extensionReason : null;
        }
        RequestStatus from = status;
        int resumeAt = status == RequestStatus.RETURNED ? returnedStep : 1;
        status = RequestStatus.IN_REVIEW;
        returnedStep = null;
        submittedAt = now;
        enter(resumeAt, now);
        record(actor, from == RequestStatus.DRAFT ? RequestEvent.Kind.SUBMITTED : RequestEvent.Kind.RESUBMITTED, from,
                step, note, now);
    }

    /** The decider of the current step approves: the next step, or the request is approved at the last one. */
    public void approve(Actor decider, String comment, Instant now) {
        String behalf = decider(decider, "accepter");
        RequestStatus from = status;
        int decided = step;
        if (decided < type.definition.circuit().size()) {
            enter(decided + 1, now);
            decision(decider, behalf, RequestEvent.Kind.APPROVED_STEP, from, decided, blankToNull(comment), now);
        } else {
            close(RequestStatus.APPROVED, now);
            decision(decider, behalf, RequestEvent.Kind.APPROVED, from, decided, blankToNull(comment), now);
        }
    }

    /** The decider of the current step refuses, and must say why. */
    public void refuse(Actor decider, String reason, Instant now) {
        String behalf = decider(decider, "refuser");
        String why = required(reason, "Indiquez le motif du refus : la personne le lira.");
        int decided = step;
        RequestStatus from = status;
        close(RequestStatus.REFUSED, now);
        decision(decider, behalf, RequestEvent.Kind.REFUSED, from, decided, why, now);
    }

    /** The decider of the current step sends the request back to the person, saying what to complete. */
    public void returnForCompletion(Actor decider, String comment, Instant now) {
        String behalf = decider(decider, "renvoyer");
        String what = required(comment, "Indiquez ce que la personne doit compléter.");
        int decided = step;
        RequestStatus from = status;
        status = RequestStatus.RETURNED;
        returnedStep = decided;
        step = null;
        dueAt = null;
        updatedAt = now;
        decision(decider, behalf, RequestEvent.Kind.RETURNED, from, decided, what, now);
    }

    /** The person deletes a draft of hers: it was never submitted, so nothing of it is kept (unlike a withdrawal). */
    public void checkDiscardable(Actor actor) {
        owner(actor, "supprimer");
        allowed("supprimer", RequestStatus.DRAFT);
    }

    /** The person withdraws the request, at any time until it is decided. */
    public void withdraw(Actor actor, Instant now) {
        owner(actor, "retirer");
        allowed("retirer", RequestStatus.DRAFT, RequestStatus.IN_REVIEW, RequestStatus.RETURNED);
        RequestStatus from = status;
        Integer at = step;
        close(RequestStatus.WITHDRAWN, now);
        record(actor, RequestEvent.Kind.WITHDRAWN, from, at, null, now);
    }

    /**
     * The person joins a supporting document the type asks for, while the request is hers to change; it replaces the
     * one joined before under that piece.
     */
    public Attachment attachPiece(Actor actor, String code, String fileName, String contentType, byte[] content,
                                  Instant now) {
        owner(actor, "compléter");
        allowed("compléter", RequestStatus.DRAFT, RequestStatus.RETURNED);
        AttachmentSpec piece = type.definition.piece(code).orElseThrow(() -> RequestProblems.unknownPiece(type.label));
        FileCheck.check("« " + piece.label() + " »", contentType, content, piece.contentTypes(), piece.maxBytes());
        attachments.removeIf(a -> code.equals(a.piece));
        return attach(actor, code, fileName, contentType, content, now);
    }

    /** A file for a message of the exchanges, joined by whoever may write on the request; sent with the message. */
    public Attachment attachForMessage(Actor actor, String fileName, String contentType, byte[] content, Instant now) {
        if (status == RequestStatus.DRAFT) {
            throw RequestProblems.notSubmittedYet();
        }
        FileCheck.check("Pièce jointe", contentType, content, FileCheck.EXCHANGE_TYPES, FileCheck.EXCHANGE_MAX_BYTES);
        return attach(actor, null, fileName, contentType, content, now);
    }

    /** A supporting document may be taken away while the request is the person's to change. */
    public void detachPiece(Actor actor, UUID attachmentId) {
        owner(actor, "compléter");
        allowed("compléter", RequestStatus.DRAFT, RequestStatus.RETURNED);
        if (!attachments.removeIf(a -> a.id.equals(attachmentId) && a.piece != null)) {
            throw RequestProblems.notFound();
        }
    }

    private Attachment attach(Actor actor, String piece, String fileName, String contentType, byte[] content, Instant now) {
        Attachment attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.request = this;
        attachment.piece = piece;
        attachment.fileName = FileCheck.fileName(fileName);
        attachment.contentType = contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        attachment.size = content.length;
        attachment.uploadedById = actor.id();
        attachment.uploadedByName = actor.name();
        attachment.uploadedAt = now;
        attachments.add(attachment);
        return attachment;
    }

    /** The decider of the current step asks a named colleague (not the person, not themselves) for an opinion. */
    public Opinion askOpinion(Actor decider, String colleagueId, String colleagueName, String question, Instant now) {
        decider(decider, "soumettre pour avis");
        if (colleagueId.equals(ownerId) || colleagueId.equals(decider.id())) {
            throw ProblemException.unprocessable("urn:portail:colibris:not-a-colleague", "Avis impossible",
                    "Demandez l'avis d'un ou d'une collègue : ni vous-même, ni la personne qui a fait la demande.",
                    "colleague");
        }
        Opinion opinion = new Opinion();
        opinion.id = UUID.randomUUID();
        opinion.request = this;
        opinion.askedById = decider.id();
        opinion.askedByName = decider.name();
        opinion.askedOfId = colleagueId;
        opinion.askedOfName = colleagueName;
        opinion.question = question.strip();
        opinion.askedAt = now;
        return opinion;
    }

    /**
     * A message of the exchanges, once the request is submitted: the person writes to the deciders; a decider writes
     * to the person, or a private note for the other deciders.
     */
    public RequestMessage write(Actor author, boolean privateNote, String text, List<UUID> files, Instant now) {
        if (status == RequestStatus.DRAFT) {
            throw RequestProblems.notSubmittedYet();
        }
        if (privateNote && author.id().equals(ownerId)) {
            throw RequestProblems.notesAreTheDecidersOwn();
        }
        RequestMessage message = RequestMessage.of(this, author, privateNote, text.strip(), now);
        for (UUID file : files) {
            attachments.stream().filter(a -> a.id.equals(file) && a.piece == null && a.messageId == null
                    && a.uploadedById.equals(author.id())).findFirst()
                    .orElseThrow(RequestProblems::notYourUpload).messageId = message.id;
        }
        return message;
    }

    /** The step waiting for a decision, if any. */
    public Step currentStep() {
        return status == RequestStatus.IN_REVIEW ? type.definition.step(step) : null;
    }

    /** Whether the current step's deadline has passed. */
    public boolean late(Instant now) {
        return dueAt != null && dueAt.isBefore(now);
    }

    private void enter(int number, Instant now) {
        step = number;
        dueAt = now.plus(Duration.ofDays(type.definition.step(number).dueDays()));
        updatedAt = now;
    }

    private void close(RequestStatus outcome, Instant now) {
        status = outcome;
        step = null;
        dueAt = null;
        decidedAt = now;
        updatedAt = now;
    }

    private void owner(Actor actor, String action) {
        if (!actor.id().equals(ownerId)) {
            throw RequestProblems.notTheOwner(action);
        }
    }

    private void allowed(String action, RequestStatus... from) {
        for (RequestStatus allowed : from) {
            if (status == allowed) {
                return;
            }
        }
        throw RequestProblems.notNow(action, status);
    }

    /** Checks that the current step is the actor's to decide; whose name they decide in, when by delegation. */
    private String decider(Actor actor, String action) {
        allowed(action, RequestStatus.IN_REVIEW);
        Step current = currentStep();
        if (!actor.decides(current, uai)) {
            throw RequestProblems.notYourStep(current);
        }
        return actor.delegation(current, uai).map(Actor.Delegated::delegatorName).orElse(null);
    }

    private void decision(Actor actor, String onBehalfOf, RequestEvent.Kind kind, RequestStatus from, Integer at,
                          String comment, Instant now) {
        record(actor, kind, from, at, comment, now);
        history.get(history.size() - 1).onBehalfOf = onBehalfOf;
    }

    private void record(Actor actor, RequestEvent.Kind kind, RequestStatus from, Integer at, String comment, Instant now) {
        history.add(RequestEvent.of(this, actor, kind, from, at, comment, now));
    }

    private static String required(String text, String detail) {
        String value = blankToNull(text);
        if (value == null) {
            throw RequestProblems.commentRequired(detail);
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The campaign to name when none is open: the next to open, or else the last one. */
    private static Campaign nearest(List<Campaign> campaigns, Instant now) {
        return campaigns.stream().filter(c -> c.opensAt.isAfter(now)).min(Comparator.comparing(c -> c.opensAt))
                .orElseGet(() -> campaigns.stream().max(Comparator.comparing(Campaign::closing)).orElse(null));
    }
}
