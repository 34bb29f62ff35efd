package fr.academie.gateway.web;

import fr.academie.common.problem.ProblemMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An address the portal does not have: a French page naming it, with the way home, rather than the API's JSON
 * (which an address under {@code /api/} keeps). Nearer to the exception than the services' shared mapper, so it wins.
 */
public class PageNotFound {

    private static final String API = "/api/";
    private static final int SHOWN_PATH = 200;

    private final Template page;
    private final ProblemMapper problems = new ProblemMapper();

    public PageNotFound(@Location("page-introuvable.html") Template page) {
        this.page = page;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        String path = uri.getPath();
        if (path.startsWith(API)) {
            return problems.http(e);
        }
        String shown = path.length() > SHOWN_PATH ? path.substring(0, SHOWN_PATH) + "…" : path;
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("path", shown).render()).build();
    }
}
