package fr.academie.colibris.request;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's HR requests. */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestService requests;
    private final JsonWebToken token;

    public RequestResource(RequestService requests, JsonWebToken token) {
        this.requests = requests;
        this.token = token;
    }

    @GET
    public Page<RequestSummary> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return requests.list(token.getSubject(), Cursor.limit(limit), Cursor.decode(cursor));
    }
}
