package fr.academie.keycloak.diagnostic;

import fr.academie.keycloak.StatelessFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The connection diagnostic's look at Keycloak's cookies ({@code /realms/<realm>/portail-diagnostic/cookies}): a
 * browser that refuses this site's cookies cannot sign in ("Cookie not found"), whatever the portal's own cookies do.
 * The person's browser is sent here from the diagnostic, in a visit of its own (a fetch from the portal would be a
 * third-party request and say "blocked" for browsers that are fine): the first step sets a short-lived cookie and
 * comes back, the second reads it and returns to the diagnostic with {@code keycloak=acceptes} or {@code bloques}.
 * Only the portal's diagnostic page is a return address (no open redirect); nothing is recorded.
 */
public class CookieCheck extends StatelessFactory implements RealmResourceProvider, RealmResourceProviderFactory {

    public static final String ID = "portail-diagnostic";
    static final String COOKIE = "PORTAIL_DIAGNOSTIC";
    static final String PORTAL_CLIENT = "portail";
    static final String DIAGNOSTIC_PATH = "/assistance/diagnostic";

    private final KeycloakSession session;

    public CookieCheck() {
        this(null);
    }

    private CookieCheck(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("cookies")
    public Response cookies(@QueryParam("etape") String step, @QueryParam("retour") String back) {
        URI diagnostic = diagnostic(back);
        if (diagnostic == null) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Adresse de retour refusée : ce test ne revient qu'au diagnostic du portail.").build();
        }
        String path = session.getContext().getUri().getBaseUri().getPath() + "realms/"
                + session.getContext().getRealm().getName() + "/" + ID;
        boolean secure = "https".equals(session.getContext().getUri().getBaseUri().getScheme());
        if (!"2".equals(step)) {
            URI again = UriBuilder.fromUri(session.getContext().getUri().getRequestUri()).replaceQueryParam("etape", "2")
                    .build();
            return Response.status(302).location(again).cookie(cookie(path, "1", 60, secure)).build();
        }
        Cookie kept = session.getContext().getRequestHeaders().getCookies().get(COOKIE);
        String verdict = kept != null && "1".equals(kept.getValue()) ? "acceptes" : "bloques";
        return Response.status(302).location(UriBuilder.fromUri(diagnostic).replaceQueryParam("keycloak", verdict).build())
                .cookie(cookie(path, "", 0, secure)).build();
    }

    /**
     * The portal's diagnostic page, when {@code back} is it: an address the {@code portail} client may be sent back to
     * (Keycloak's own check of redirect addresses) whose path is the diagnostic's; null otherwise.
     */
    private URI diagnostic(String back) {
        ClientModel portal = session.getContext().getRealm().getClientByClientId(PORTAL_CLIENT);
        if (back == null || portal == null) {
            return null;
        }
        String verified = RedirectUtils.verifyRedirectUri(session, back, portal);
        try {
            URI address = verified == null ? null : new URI(verified);
            return address != null && DIAGNOSTIC_PATH.equals(address.getPath())
                    ? new URI(address.getScheme(), address.getAuthority(), DIAGNOSTIC_PATH, null, null) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static NewCookie cookie(String path, String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path(path).maxAge(maxAge).secure(secure).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    @Override
    public Object getResource() {
        return this;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new CookieCheck(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
