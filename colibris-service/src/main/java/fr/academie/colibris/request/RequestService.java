package fr.academie.colibris.request;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** A person's requests, most recently created first, by keyset pages. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequestService {

    public Page<RequestSummary> list(String ownerId, int limit, Cursor after) {
        String where = "ownerId = :owner" + (after == null ? "" : " and (createdAt < :at or (createdAt = :at and id < :id))");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (after != null) {
            parameters.and("at", after.at()).and("id", after.id());
        }
        List<HrRequest> rows = HrRequest.<HrRequest>find(where + " order by createdAt desc, id desc", parameters)
                .range(0, limit).list();
        List<HrRequest> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? new Cursor(page.get(limit - 1).createdAt, page.get(limit - 1).id).encode() : null;
        return new Page<>(page.stream().map(RequestSummary::of).toList(), next);
    }
}
