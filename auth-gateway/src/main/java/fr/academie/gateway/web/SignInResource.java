package fr.academie.gateway.web;

import fr.academie.gateway.guard.RequestGuard;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * {@code /connexion?retour=/page}: where the SPA sends a person whose session has ended. The HTTP
 * policy sends an anonymous visit to sign in; once signed in, the person lands back on the page.
 */
@Path("/connexion")
@Authenticated
public class SignInResource {

    /** A path of this site only: no scheme, no host, no {@code //} or backslash trick, no control character. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\p{Cntrl}]*");

    private final Template cookiesBlocked;

    public SignInResource(@Location("cookies-bloques.html") Template cookiesBlocked) {
        this.cookiesBlocked = cookiesBlocked;
    }

    @GET
    public Response signIn(@QueryParam("retour") String back) {
        return Response.seeOther(URI.create(safe(back))).build();
    }

    /**
     * Where the gateway sends a first visit before Keycloak, having set a test cookie: if the cookie came back,
     * on to the page (and so to sign-in); if not, a French explanation instead of Keycloak's "Cookie not found".
     */
    @GET
    @Path("/cookies")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response cookieCheck(@CookieParam(RequestGuard.COOKIE_CHECK) String cookie, @QueryParam("retour") String back) {
        if (cookie != null) {
            return Response.seeOther(URI.create(safe(back))).build();
        }
        return Response.ok(cookiesBlocked.data("retour", safe(back)).render()).build();
    }

    static String safe(String back) {
        if (back == null || !LOCAL_PATH.matcher(back).matches()) {
            return "/";
        }
        try {
            URI uri = URI.create(back);
            return uri.getScheme() == null && uri.getHost() == null ? back : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
