package fr.academie.colibris.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
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
        request.createdAt = createdAt;
        request.submittedAt = status == RequestStatus.DRAFT ? null : createdAt.plusSeconds(60);
        request.updatedAt = createdAt.plusSeconds(60);
        request.persist();
    }
}
