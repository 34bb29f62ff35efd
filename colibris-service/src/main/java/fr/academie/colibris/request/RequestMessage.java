package fr.academie.colibris.request;

import fr.academie.colibris.actor.Actor;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message of a request's exchanges: between the person and the deciders, or a decider's private note, which the
 * person never sees.
 */
@Entity
@Table(name = "request_message")
public class RequestMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    /** A note between deciders. */
    @Column(name = "private", nullable = false)
    public boolean privateNote;

    @Column(nullable = false)
    public String text;

    static RequestMessage of(HrRequest request, Actor author, boolean privateNote, String text, Instant now) {
        RequestMessage message = new RequestMessage();
        message.id = UUID.randomUUID();
        message.requestId = request.id;
        message.at = now;
        message.authorId = author.id();
        message.authorName = author.name();
        message.privateNote = privateNote;
        message.text = text;
        return message;
    }

    /** The request's exchanges as that person may read them (the person herself: without the private notes). */
    static List<RequestMessage> readBy(HrRequest request, Actor reader) {
        return reader.id().equals(request.ownerId)
                ? list("requestId = ?1 and privateNote = false order by at, id", request.id)
                : list("requestId = ?1 order by at, id", request.id);
    }
}
