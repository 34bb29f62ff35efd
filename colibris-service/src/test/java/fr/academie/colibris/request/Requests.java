package fr.academie.colibris.request;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.academie.colibris.catalogue.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.academie.colibris.notification.Notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test fixtures: requests as a person leaves them. */
@ApplicationScoped
@Transactional
public class Requests {

    public void deleteAllOf(String ownerId) {
        HrRequest.delete("ownerId", ownerId);
    }

    public void add(String ownerId, String typeCode, RequestStatus status, Instant createdAt) {
        HrRequest request = new HrRequest();
        request.id = UUID.randomUUID();
        request.ownerId = ownerId;
        request.type = RequestType.findById(typeCode);
        request.status = status;
        request.form = JsonNodeFactory.instance.objectNode();
        request.step = status == RequestStatus.IN_REVIEW ? Integer.valueOf(1) : null;
        request.createdAt = createdAt;
        request.submittedAt = status == RequestStatus.DRAFT ? null : createdAt.plusSeconds(60);
        request.updatedAt = createdAt.plusSeconds(60);
        request.persist();
    }

    /** Sets the window of the type's campaigns (all of them), as HR would for a new year. */
    public void campaignWindow(String typeCode, Instant opens, Instant closes) {
        fr.academie.colibris.catalogue.Campaign.update("opensAt = ?1, closesAt = ?2, extendedUntil = null where typeCode = ?3",
                opens, closes, typeCode);
    }

    /** The outbox rows written for a request, oldest first. */
    public List<Notice> notices(UUID requestId) {
        return Notice.list("requestId = ?1 order by createdAt, id", requestId);
    }

    /** Forgets that a row was delivered, as if mail-service's answer had been lost before the relay marked it. */
    public void undeliver(UUID noticeId) {
        Notice.update("deliveredAt = null, nextAttemptAt = ?1 where id = ?2", Instant.now(), noticeId);
    }
}
