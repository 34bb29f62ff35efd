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
        Parameters parameters = Parameters.with("owner", ownerId);
        String where = "ownerId = :owner";
        if (after != null) {
            where += " and " + Cursor.after("createdAt");
            parameters.and("at", after.at()).and("id", after.id());
        }
        List<HrRequest> rows = HrRequest.<HrRequest>find(where + " order by createdAt desc, id desc", parameters)
                .range(0, limit).list();
        return Page.of(rows, limit, r -> new Cursor(r.createdAt, r.id), RequestSummary::of);
    }
}
