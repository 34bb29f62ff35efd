package fr.academie.colibris.request;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.academie.colibris.catalogue.Campaign;
import fr.academie.colibris.catalogue.CampaignExtension;
import fr.academie.colibris.catalogue.RequestType;
import fr.academie.colibris.outbox.Notice;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Test fixtures: requests as a person leaves them. */
@ApplicationScoped
@Transactional
public class Requests {

    public void deleteAllOf(String ownerId) {
        HrRequest.delete("ownerId", ownerId);
    }

    public UUID add(String ownerId, String typeCode, RequestStatus status, Instant createdAt) {
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
        return request.id;
    }

    public boolean exists(UUID requestId) {
        return HrRequest.count("id", requestId) == 1;
    }

    /** A notification of the request, delivered at the time given (null: not yet). */
    public UUID notice(UUID requestId, Instant createdAt, Instant deliveredAt) {
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.requestId = requestId;
        notice.recipientId = "retention";
        notice.subject = "Votre demande";
        notice.text = "Votre demande a avancé.";
        notice.createdAt = createdAt;
        notice.nextAttemptAt = createdAt;
        notice.deliveredAt = deliveredAt;
        notice.persist();
        return notice.id;
    }

    /** A delegation of HR's decisions that ended on the day given. */
    public UUID delegation(LocalDate endsOn) {
        UUID id = UUID.randomUUID();
        Panache.getEntityManager().createNativeQuery("insert into delegation (id, delegator_id, delegate_id, role, starts_on,"
                        + " ends_on, created_at) values (?1, 'retention-a', 'retention-b', 'gestionnaire-rh', ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, endsOn.minusDays(7)).setParameter(3, endsOn)
                .setParameter(4, endsOn.minusDays(8).atStartOfDay(ZoneOffset.UTC).toInstant()).executeUpdate();
        return id;
    }

    public boolean delegationExists(UUID id) {
        return ((Number) Panache.getEntityManager().createNativeQuery("select count(*) from delegation where id = ?1")
                .setParameter(1, id).getSingleResult()).intValue() == 1;
    }

    public boolean noticeExists(UUID noticeId) {
        return Notice.count("id", noticeId) == 1;
    }

    /** Sets the window of the type's campaigns (all of them), as HR would for a new year, without extensions. */
    public void campaignWindow(String typeCode, Instant opens, Instant closes) {
        for (Campaign campaign : Campaign.<Campaign>list("typeCode", typeCode)) {
            CampaignExtension.delete("campaignId", campaign.id);
            campaign.opensAt = opens;
            campaign.closesAt = closes;
            campaign.extendedUntil = null;
            campaign.extensionReason = null;
        }
    }

    /** The type's campaign (the latest to open). */
    public Campaign campaign(String typeCode) {
        return Campaign.<Campaign>find("typeCode = ?1 order by opensAt desc", typeCode).firstResult();
    }

    /** Moves the service's last sign of life back, as if it had been down since then. */
    public void lastBeat(Instant at) {
        Panache.getEntityManager().createNativeQuery("update heartbeat set beat_at = ?1").setParameter(1, at)
                .executeUpdate();
    }

    /** The outbox rows written for a request, oldest first. */
    public List<Notice> notices(UUID requestId) {
        return Notice.list("requestId = ?1 order by createdAt, id", requestId);
    }

    /** The outbox rows written for a request to one person, oldest first. */
    public List<Notice> noticesTo(UUID requestId, String recipientId) {
        return Notice.list("requestId = ?1 and recipientId = ?2 order by createdAt, id", requestId, recipientId);
    }

    /** Forgets that a row was delivered, as if mail-service's answer had been lost before the relay marked it. */
    public void undeliver(UUID noticeId) {
        Notice.update("deliveredAt = null, nextAttemptAt = ?1 where id = ?2", Instant.now(), noticeId);
    }
}
