package fr.academie.gateway.help;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemException;
import fr.academie.gateway.config.GatewayConfig;
import fr.academie.gateway.config.GatewayConfig.Limit;
import fr.academie.gateway.guard.RateLimiter;
import fr.academie.gateway.outbound.OutboundMail;
import io.quarkus.mailer.Mail;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * "Contacter l'assistance", under the connection diagnostic: public (the person often cannot sign in), it mails the
 * help desk's mailbox what she wrote, where to answer her and the diagnostic's verdicts with its reference, so that
 * the help desk starts from facts. At most three requests an hour per reply address and ten per client address (a
 * school's staff share one); the mail leaves after the answer, tried three times.
 */
@Path("/api/assistance/demandes")
@Produces(MediaType.APPLICATION_JSON)
public class SupportResource {

    private static final Limit PER_REPLY_ADDRESS = new Limit(3, Duration.ofHours(1));
    private static final Limit PER_CLIENT_ADDRESS = new Limit(10, Duration.ofHours(1));
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}0-9._@' -]{0,100}");
    private static final Pattern REFERENCE = Pattern.compile("DIAG-[0-9A-F]{8}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final OutboundMail outbound;
    private final RateLimiter limiter;
    private final GatewayConfig config;

    public SupportResource(OutboundMail outbound, RateLimiter limiter, GatewayConfig config) {
        this.outbound = outbound;
        this.limiter = limiter;
        this.config = config;
    }

    /** What the diagnostic page sends: the verdicts as the person read them, and her browser. */
    public record Diagnostic(String reference, List<String> lignes, String navigateur) {
    }

    public record SupportRequest(String identifiant, String adresse, String message, Diagnostic diagnostic) {
    }

    public record Sent(String reference) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@NotNull(message = Problem.NO_BODY) SupportRequest request,
                         RoutingContext context) {
        String identifier = request.identifiant() == null ? "" : request.identifiant().strip();
        String address = request.adresse() == null ? "" : request.adresse().strip();
        String message = request.message() == null ? "" : request.message().strip();
        Diagnostic diagnostic = request.diagnostic();
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw invalid("identifiant", "L'identifiant compte au plus 100 caractères : lettres, chiffres, point, tiret, @.");
        }
        if (address.isEmpty()) {
            throw invalid("adresse", "Indiquez une adresse électronique où l'assistance pourra vous répondre.");
        }
        if (!OutboundMail.isAddress(address)) {
            throw invalid("adresse", "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).");
        }
        if (message.isEmpty()) {
            throw invalid("message", "Décrivez ce qui se passe : ce que vous faisiez, ce que la page affiche.");
        }
        if (message.length() > 4000 || CONTROL.matcher(message).find()) {
            throw invalid("message", "Le message compte au plus 4 000 caractères, sans caractère de contrôle.");
        }
        if (diagnostic == null || diagnostic.reference() == null || !REFERENCE.matcher(diagnostic.reference()).matches()) {
            throw invalid("diagnostic.reference", "La référence du diagnostic manque : rechargez la page du diagnostic.");
        }
        List<String> lines = diagnostic.lignes() == null ? List.of() : diagnostic.lignes();
        if (lines.size() > 10 || lines.stream().anyMatch(line -> line == null || line.length() > 300
                || CONTROL.matcher(line).find())) {
            throw invalid("diagnostic.lignes", "Le diagnostic envoyé n'est pas celui de la page : rechargez-la.");
        }
        String browser = diagnostic.navigateur() == null ? "" : CONTROL.matcher(diagnostic.navigateur()).replaceAll("");
        browser = browser.substring(0, Math.min(browser.length(), 500)); // a user agent is a line, not a document
        String client = context.request().remoteAddress() == null ? "inconnue" : context.request().remoteAddress().hostAddress();
        limiter.spend("support-client", PER_CLIENT_ADDRESS, client)
                .or(() -> limiter.spend("support-reply", PER_REPLY_ADDRESS, address.toLowerCase(Locale.ROOT)))
                .ifPresent(wait -> {
                    throw new ProblemException("urn:portail:gateway:rate-limited", "Trop de demandes", 429,
                            "Plusieurs demandes sont déjà parties d'ici : l'assistance les a reçues. Réessayez dans "
                                    + Math.max(1, wait.toMinutes()) + " minutes si rien n'arrive.", null);
                });
        Mail mail = Mail.withText(config.supportAddress(), "Demande d'assistance " + diagnostic.reference()
                        + (identifier.isEmpty() ? "" : " – " + identifier),
                text(identifier, address, message, diagnostic.reference(), lines, browser, client));
        mail.setReplyTo(address);
        outbound.sendSoon(mail, "Support request " + diagnostic.reference());
        return Response.accepted(new Sent(diagnostic.reference())).build();
    }

    private static String text(String identifier, String address, String message, String reference, List<String> lines,
                               String browser, String client) {
        List<String> text = new ArrayList<>(List.of(
                "Demande envoyée depuis le diagnostic de connexion du portail agents, le "
                        + FrenchDates.weekdayAndTime(Instant.now()) + ".",
                "",
                "Identifiant indiqué : " + (identifier.isEmpty() ? "(aucun)" : identifier),
                "Répondre à : " + address,
                "Référence du diagnostic : " + reference,
                "",
                "Message :",
                message,
                "",
                "Diagnostic (tel qu'affiché dans son navigateur) :"));
        lines.forEach(line -> text.add("  - " + line));
        text.addAll(List.of("", "Navigateur : " + browser, "Adresse IP : " + client));
        return String.join("\n", text);
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.invalid("urn:portail:gateway:support-request", field, detail);
    }
}
