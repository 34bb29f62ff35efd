package fr.academie.gateway.mailsetup;

import fr.academie.gateway.config.GatewayConfig;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Set-up without typing server names: Thunderbird's autoconfig (its ISP format, at both addresses it asks), Outlook's
 * autodiscover (POX) and, for the signed-in person, an Apple configuration profile for iPhone and iPad. Each names the
 * IMAP and SMTP servers with implicit TLS first, then STARTTLS, and the address as the user name; none carries a
 * password (the client asks for an application password, made on "Mon compte").
 */
@Path("/")
public class MailSetupResource {

    /** The address Outlook asks about; nothing else of its request is read (no XML parser: nothing to exploit). */
    private static final Pattern ASKED = Pattern.compile("<EMailAddress>\\s*([^<>&\"'\\s]{1,254})\\s*</EMailAddress>",
            Pattern.CASE_INSENSITIVE);

    private final GatewayConfig.MailClients servers;
    private final JsonWebToken idToken;

    public MailSetupResource(GatewayConfig config, JsonWebToken idToken) {
        this.servers = config.mailClients();
        this.idToken = idToken;
    }

    /** Thunderbird, from the domain ({@code https://ac-orleans-tours.fr/.well-known/autoconfig/…}). */
    @GET
    @Path(".well-known/autoconfig/mail/config-v1.1.xml")
    @Produces(MediaType.APPLICATION_XML)
    public String autoconfig() {
        return MailSetupDocuments.autoconfig(servers);
    }

    /** Thunderbird, from {@code https://autoconfig.ac-orleans-tours.fr/mail/config-v1.1.xml}. */
    @GET
    @Path("mail/config-v1.1.xml")
    @Produces(MediaType.APPLICATION_XML)
    public String autoconfigHost() {
        return autoconfig();
    }

    /** Outlook (POX autodiscover): the settings for the address it asks about, when it is the académie's. */
    @POST
    @Path("autodiscover/autodiscover.xml")
    @Consumes({MediaType.TEXT_XML, MediaType.APPLICATION_XML, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_XML)
    public Response autodiscover(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 16_384), StandardCharsets.UTF_8);
        Matcher asked = ASKED.matcher(text);
        if (!asked.find() || !asked.group(1).toLowerCase(Locale.ROOT).endsWith("@" + servers.domain())) {
            return Response.status(404).type(MediaType.APPLICATION_XML)
                    .entity(MailSetupDocuments.autodiscoverError()).build();
        }
        return Response.ok(MailSetupDocuments.autodiscover(servers, asked.group(1).toLowerCase(Locale.ROOT))).build();
    }

    /**
     * iPhone and iPad: a profile with the person's own address (her application password is asked at install). Not
     * under {@code /api/compte}: that root is {@code AccountResource}'s, which would hide this path.
     */
    @GET
    @Path("api/messagerie/profil.mobileconfig")
    @Authenticated
    @Produces("application/x-apple-aspen-config")
    public Response appleProfile() {
        String address = idToken.getClaim("email");
        String username = idToken.getClaim("preferred_username");
        String name = idToken.getClaim("name");
        UUID profile = UUID.nameUUIDFromBytes(("profil " + username).getBytes(StandardCharsets.UTF_8));
        UUID account = UUID.nameUUIDFromBytes(("compte " + username).getBytes(StandardCharsets.UTF_8));
        return Response.ok(MailSetupDocuments.appleProfile(servers, address, name == null ? username : name, username,
                        profile, account))
                .header("Content-Disposition", "attachment; filename=\"messagerie-academie.mobileconfig\"").build();
    }
}
