package fr.academie.colibris.request;

import fr.academie.colibris.actor.Actor;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of a request's history: a transition, who made it and when, from which status to which, the comment. */
@Entity
@Table(name = "request_event")
public class RequestEvent extends PanacheEntityBase {

    /** What happened. */
    public enum Kind {
        CREATED,
        SUBMITTED,
        RESUBMITTED,
        APPROVED_STEP,
        APPROVED,
        REFUSED,
        RETURNED,
        WITHDRAWN
    }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public HrRequest request;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_name")
    public String actorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RequestStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public RequestStatus toStatus;

    /** The circuit step it concerns (1-based), when it concerns one. */
    public Integer step;

    public String comment;

    /** Whose decision it was, when made by delegation ("par délégation de …"). */
    @Column(name = "on_behalf_of")
    public String onBehalfOf;

    static RequestEvent of(HrRequest request, Actor actor, Kind kind, RequestStatus from, Integer step, String comment,
                           Instant at) {
        RequestEvent event = new RequestEvent();
        event.id = UUID.randomUUID();
        event.request = request;
        event.at = at;
        event.actorId = actor.id();
        event.actorName = actor.name();
        event.kind = kind;
        event.fromStatus = from;
        event.toStatus = request.status;
        event.step = step;
        event.comment = comment;
        return event;
    }
}
