package fr.academie.colibris.request;

import fr.academie.colibris.actor.Actor;
import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An opinion (avis) the decider of a step asks of a named colleague about a request: the colleague sees the request
 * and answers once, from their own list. The deciders read it; the person does not.
 */
@Entity
@Table(name = "opinion")
public class Opinion extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public HrRequest request;

    @Column(name = "asked_by_id", nullable = false)
    public String askedById;

    @Column(name = "asked_by_name")
    public String askedByName;

    @Column(name = "asked_of_id", nullable = false)
    public String askedOfId;

    @Column(name = "asked_of_name")
    public String askedOfName;

    @Column(nullable = false)
    public String question;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    public String answer;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** The colleague asked gives the opinion, once. */
    public void give(Actor actor, String text, Instant now) {
        if (!actor.id().equals(askedOfId)) {
            throw RequestProblems.notFound();
        }
        if (answeredAt != null) {
            throw ProblemException.conflict("urn:portail:colibris:opinion-given", "Avis déjà donné",
                    "Vous avez déjà donné cet avis, le " + FrenchDates.dayAndTime(answeredAt) + ".",
                    "answer");
        }
        answer = text.strip();
        answeredAt = now;
    }
}
