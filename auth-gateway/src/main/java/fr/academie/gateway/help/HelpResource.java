package fr.academie.gateway.help;

import fr.academie.gateway.config.GatewayConfig;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * "Assistance": the checklist and the troubleshooting sheets people need most when they cannot sign in, so public
 * (server-rendered French pages, no session needed), and the connection diagnostic that runs in the browser.
 */
@Path("/assistance")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class HelpResource {

    /** A troubleshooting sheet: its address under /assistance (and template) and its title in the index. */
    @TemplateData
    public enum Sheet {
        IDENTIFIANTS("identifiants", "Vos identifiants et leurs formes"),
        MOT_DE_PASSE("mot-de-passe", "Mot de passe refusé ou expiré"),
        CODES_REFUSES("codes-refuses", "Code à usage unique refusé"),
        COOKIES("cookies", "« Veuillez activer les cookies »"),
        JAVASCRIPT("javascript", "La page reste sur « Chargement… » (JavaScript)"),
        TROP_DE_DEMANDES("trop-de-demandes", "« Trop de demandes » : la protection contre les abus"),
        MESSAGERIE_PLEINE("messagerie-pleine", "Messagerie pleine"),
        TRANSFERTS_EN_BOUCLE("transferts-en-boucle", "Transferts en boucle"),
        DIAGNOSTIC("diagnostic", "Diagnostic de connexion");

        public final String slug;
        public final String title;

        Sheet(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }
    }

    private static final List<Sheet> SHEETS = List.of(Sheet.values());

    private final Engine templates;
    private final OidcConfigurationMetadata keycloak;
    private final GatewayConfig config;

    public HelpResource(Engine templates, OidcConfigurationMetadata keycloak, GatewayConfig config) {
        this.templates = templates;
        this.keycloak = keycloak;
        this.config = config;
    }

    @GET
    public String index() {
        return templates.getTemplate("assistance/index.html").data("topics", SHEETS).render();
    }

    @GET
    @Path("{sheet}")
    public String sheet(@PathParam("sheet") String slug) {
        Sheet sheet = Arrays.stream(Sheet.values()).filter(s -> s.slug.equals(slug)).findFirst()
                .orElseThrow(NotFoundException::new);
        return templates.getTemplate("assistance/" + sheet.slug + ".html")
                .data("verificationKeycloak", sheet == Sheet.DIAGNOSTIC ? keycloakCookieCheck() : null).render();
    }

    /**
     * Where the diagnostic sends the browser to try Keycloak's cookies (keycloak-extensions' {@code portail-diagnostic}
     * under the realm's public address, the issuer Keycloak announces), to come back here with the verdict; null while
     * Keycloak has not been reached.
     */
    private String keycloakCookieCheck() {
        String issuer;
        try {
            issuer = keycloak.getIssuer();
        } catch (RuntimeException notDiscoveredYet) { // Keycloak away since the gateway started: the page still answers
            issuer = null;
        }
        if (issuer == null) {
            return null;
        }
        String back = config.publicUrl().resolve("/assistance/diagnostic").toString();
        return issuer + "/portail-diagnostic/cookies?retour=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    /** The portal's clock, for the diagnostic's measure of the device's (milliseconds since the epoch). */
    @GET
    @Path("diagnostic/heure")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> clock() {
        return Map.of("maintenant", System.currentTimeMillis());
    }
}
