package fr.academie.gateway.web;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
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

    @GET
    public Response signIn(@QueryParam("retour") String back) {
        return Response.seeOther(URI.create(safe(back))).build();
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
