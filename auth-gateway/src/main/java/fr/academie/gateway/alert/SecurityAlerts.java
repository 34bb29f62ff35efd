package fr.academie.gateway.alert;

import fr.academie.common.notification.MailNotifier;
import fr.academie.common.problem.ProblemException;
import fr.academie.gateway.account.KeycloakAccounts;
import fr.academie.gateway.account.PortailAdminApi;
import fr.academie.gateway.account.RecoveryAddresses;
import fr.academie.gateway.config.GatewayConfig;
import fr.academie.gateway.outbound.Letters;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;


/**
 * Tells a person, in their académie mailbox, of a sign-in from a device they had not used, whatever the
 * application, of their account's lockout after too many failed attempts, and of a password reset after
 * "Mot de passe oublié ?" (keycloak-extensions journals each and keeps the alert until it is delivered); the reset is
 * also told at the account's recovery address, where she reads when she cannot sign in. Each alert is delivered
 * once: mail-service keys it by the journal row's id, and Keycloak marks it delivered only after.
 */
@ApplicationScoped
public class SecurityAlerts {

    private static final Logger LOG = Logger.getLogger(SecurityAlerts.class);

    private final KeycloakAccounts accounts;
    private final MailNotifier mail;
    private final GatewayConfig config;
    private final RecoveryAddresses recovery;

    public SecurityAlerts(KeycloakAccounts accounts, MailNotifier mail, GatewayConfig config, RecoveryAddresses recovery) {
        this.accounts = accounts;
        this.mail = mail;
        this.config = config;
        this.recovery = recovery;
    }

    @Scheduled(every = "${gateway.alerts.every}", delayed = "${gateway.alerts.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverPending() {
        try {
            for (PortailAdminApi.Alert alert : accounts.pendingAlerts()) {
                if (deliver(alert)) {
                    accounts.alertDelivered(alert.id());
                }
            }
        } catch (ProblemException keycloakUnavailable) {
            LOG.debug("Alerts not read: Keycloak is unavailable; next round later");
        }
    }

    private boolean deliver(PortailAdminApi.Alert alert) {
        if (alert.lockout()) {
            return Letters.sent(mail, "verrouillage-" + alert.id(), alert.userId(),
                    "Votre compte académique est verrouillé temporairement", lockoutText(alert));
        }
        if (alert.passwordReset()) {
            // the mailbox first (mail-service keeps each once): the recovery address is written to only after, so
            // that a retry never sends it twice unless its own sending failed
            String subject = "Le mot de passe de votre compte académique a été réinitialisé";
            return Letters.sent(mail, "mot-de-passe-reinitialise-" + alert.id(), alert.userId(), subject, resetText(alert))
                    && recovery.tell(alert.userId(), subject, resetText(alert));
        }
        return Letters.sent(mail, "nouvel-appareil-" + alert.id(), alert.userId(),
                "Nouvelle connexion à votre compte académique", text(alert));
    }

    /**
     * After "Mot de passe oublié ?": whoever did it now holds the password, so "Ce n'était pas moi" (which needs a
     * session) is no help; the person takes the account back the same way and closes the other sessions.
     */
    String resetText(PortailAdminApi.Alert alert) {
        return Letters.text(alert.firstName(),
                "Le mot de passe de votre compte académique a été réinitialisé par « Mot de passe oublié ? », après "
                        + "vérification de votre identité (NUMEN et date de naissance, ou code envoyé à votre adresse "
                        + "de secours) :",
                "",
                whenAndWhere(alert),
                "",
                "Si c'était vous, vous n'avez rien à faire.",
                "",
                "Si ce n'était pas vous : quelqu'un connaît votre identifiant et votre NUMEN, ou lit votre adresse de "
                        + "secours. "
                        + "Reprenez la main tout de suite : sur " + config.publicUrl().resolve("/")
                        + ", choisissez « Mot de passe oublié ? » et, au moment de choisir le nouveau mot de passe, "
                        + "laissez cochée la case qui déconnecte les autres appareils.",
                "Prévenez ensuite l'assistance informatique de l'académie : " + config.publicUrl().resolve("/assistance"));
    }

    /** The lines that say when, on what and from where: the person recognises her own action, or not. */
    private static String whenAndWhere(PortailAdminApi.Alert alert) {
        return String.join("\n",
                "  - quand : le " + Letters.when(alert.time()),
                "  - appareil : " + alert.browser() + " sur " + alert.os(),
                "  - adresse IP : " + alert.ipAddress());
    }

    String lockoutText(PortailAdminApi.Alert alert) {
        String until = alert.until() == null ? "dans quelques minutes"
                : "le " + Letters.when(alert.until());
        return Letters.text(alert.firstName(),
                "Après plusieurs tentatives de connexion échouées (la dernière depuis l'adresse IP " + alert.ipAddress()
                        + "), votre compte académique est verrouillé temporairement, pour le protéger.",
                "Vous pourrez vous connecter de nouveau " + until + ".",
                "",
                "Si c'était vous : patientez jusque-là, puis saisissez votre identifiant et votre mot de passe avec soin "
                        + "(attention aux majuscules). Chaque nouvel échec allonge l'attente, jusqu'à 15 minutes.",
                "Si ce n'était pas vous : quelqu'un essaie de deviner votre mot de passe. Dès que possible, changez-le : "
                        + config.publicUrl().resolve("/connexion/action/mot-de-passe"),
                "et prévenez l'assistance informatique de l'académie.");
    }

    String text(PortailAdminApi.Alert alert) {
        String notMe = config.publicUrl().resolve("/compte/ce-n-etait-pas-moi?connexion=" + alert.id()).toString();
        return Letters.text(alert.firstName(),
                "Une connexion à votre compte académique vient d'avoir lieu depuis un appareil ou un réseau que vous "
                        + "n'aviez pas encore utilisé :",
                "",
                whenAndWhere(alert),
                "  - application : " + alert.application(),
                "",
                "Si c'était vous, vous n'avez rien à faire.",
                "",
                "Ce n'était pas moi : " + notMe,
                "Ce lien ferme toutes les sessions de votre compte et vous demandera de choisir un nouveau mot de passe "
                        + "à la prochaine connexion.");
    }
}
