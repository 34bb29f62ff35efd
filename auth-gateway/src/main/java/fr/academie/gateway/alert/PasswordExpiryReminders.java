package fr.academie.gateway.alert;

import fr.academie.common.notification.MailNotifier;
import fr.academie.common.problem.ProblemException;
import fr.academie.gateway.account.KeycloakAccounts;
import fr.academie.gateway.account.PortailAdminApi;
import fr.academie.gateway.config.GatewayConfig;
import fr.academie.gateway.outbound.Letters;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every morning, a message to each person whose password expires within 15 days: the most urgent reminder due
 * (J-15, J-7, J-1), each sent once (its key names the level and the expiry, and mail-service delivers a key
 * once), so a missed morning is caught up the next one and a new password starts afresh.
 */
@ApplicationScoped
public class PasswordExpiryReminders {

    private static final Logger LOG = Logger.getLogger(PasswordExpiryReminders.class);
    /** The reminders, most urgent first: days before expiry. */
    static final List<Integer> LEVELS = List.of(1, 7, 15);

    private final KeycloakAccounts accounts;
    private final MailNotifier mail;
    private final GatewayConfig config;

    public PasswordExpiryReminders(KeycloakAccounts accounts, MailNotifier mail, GatewayConfig config) {
        this.accounts = accounts;
        this.mail = mail;
        this.config = config;
    }

    @Scheduled(cron = "${gateway.alerts.password-reminders}", timeZone = "Europe/Paris",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMorning() {
        try {
            LOG.infof("Password-expiry reminders: %d delivered", remind(Instant.now()));
        } catch (ProblemException keycloakUnavailable) {
            LOG.warn("Password-expiry reminders postponed: Keycloak is unavailable");
        }
    }

    /** Sends the reminders due at {@code now}; returns how many mail-service accepted. */
    public int remind(Instant now) {
        int delivered = 0;
        for (PortailAdminApi.Expiry expiry : accounts.passwordExpiries(now.toEpochMilli(),
                now.plus(Duration.ofDays(LEVELS.get(LEVELS.size() - 1))).toEpochMilli())) {
            long daysLeft = Duration.between(now, Instant.ofEpochMilli(expiry.expires())).toDays();
            int level = LEVELS.stream().filter(days -> daysLeft < days).findFirst().orElseThrow();
            if (Letters.sent(mail, "mot-de-passe-J" + level + "-" + expiry.userId() + "-" + expiry.expires(), expiry.userId(),
                    subject(daysLeft), text(expiry))) {
                delivered++;
            }
        }
        return delivered;
    }

    private static String subject(long daysLeft) {
        return daysLeft < 1 ? "Votre mot de passe académique expire aujourd'hui"
                : "Votre mot de passe académique expire dans " + daysLeft + (daysLeft > 1 ? " jours" : " jour");
    }

    private String text(PortailAdminApi.Expiry expiry) {
        return Letters.text(expiry.firstName(),
                "Votre mot de passe académique expire le " + Letters.when(expiry.expires()) + ".",
                "Après cette date, un nouveau mot de passe vous sera demandé à la connexion.",
                "",
                "Pour le changer dès maintenant : " + config.publicUrl().resolve("/connexion/action/mot-de-passe"));
    }
}
