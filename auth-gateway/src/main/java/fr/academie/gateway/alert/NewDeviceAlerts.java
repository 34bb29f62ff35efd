package fr.academie.gateway.alert;

import fr.academie.gateway.account.KeycloakAccounts;
import fr.academie.gateway.account.PortailAdminApi;
import fr.academie.gateway.config.GatewayConfig;
import fr.academie.common.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Tells a person, in their académie mailbox, of a sign-in from a device they had not used, whatever the
 * application (keycloak-extensions journals every sign-in and keeps the alert until it is delivered). Each alert
 * is delivered once: mail-service keys it by the sign-in's id, and Keycloak marks it delivered only after.
 */
@ApplicationScoped
public class NewDeviceAlerts {

    private static final Logger LOG = Logger.getLogger(NewDeviceAlerts.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm",
            Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final KeycloakAccounts accounts;
    private final MailNotifications mail;
    private final GatewayConfig config;

    public NewDeviceAlerts(KeycloakAccounts accounts, MailNotifications mail, GatewayConfig config) {
        this.accounts = accounts;
        this.mail = mail;
        this.config = config;
    }

    @Scheduled(every = "${gateway.alerts.every}", delayed = "${gateway.alerts.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverPending() {
        try {
            for (PortailAdminApi.Alert alert : accounts.pendingAlerts()) {
                if (mail.deliver("nouvel-appareil-" + alert.id(), alert.userId(),
                        "Nouvelle connexion à votre compte académique", text(alert))) {
                    accounts.alertDelivered(alert.id());
                }
            }
        } catch (ProblemException keycloakUnavailable) {
            LOG.debug("Alerts not read: Keycloak is unavailable; next round later");
        }
    }

    String text(PortailAdminApi.Alert alert) {
        String notMe = config.publicUrl().resolve("/compte/ce-n-etait-pas-moi?connexion=" + alert.id()).toString();
        return String.join("\n",
                "Bonjour" + (alert.firstName() == null ? "" : " " + alert.firstName()) + ",",
                "",
                "Une connexion à votre compte académique vient d'avoir lieu depuis un appareil ou un réseau que vous "
                        + "n'aviez pas encore utilisé :",
                "",
                "  - quand : le " + WHEN.format(Instant.ofEpochMilli(alert.time())),
                "  - appareil : " + alert.browser() + " sur " + alert.os(),
                "  - adresse IP : " + alert.ipAddress(),
                "  - application : " + alert.application(),
                "",
                "Si c'était vous, vous n'avez rien à faire.",
                "",
                "Ce n'était pas moi : " + notMe,
                "Ce lien ferme toutes les sessions de votre compte et vous demandera de choisir un nouveau mot de passe "
                        + "à la prochaine connexion.",
                "",
                "Ce message est envoyé automatiquement par le portail agents de l'académie d'Orléans-Tours.");
    }
}
