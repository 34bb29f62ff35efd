package fr.academie.gateway.account;

import fr.academie.common.notification.MailNotifier;
import fr.academie.common.problem.ProblemException;
import fr.academie.gateway.admin.Identifiers;
import fr.academie.gateway.outbound.Letters;
import fr.academie.gateway.config.GatewayConfig.Limit;
import fr.academie.gateway.guard.RateLimiter;
import fr.academie.gateway.outbound.OutboundMail;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Registering the personal recovery address that "Mot de passe oublié ?" can send a code to, the way a mail provider
 * does it: the person types an address, the portal sends a six-digit code there, and only once she types it back does
 * the address become the account's (Keycloak attributes {@link RecoveryAddress}). Her académie mailbox is told of
 * every change, and a password reset is told at the address too ({@link #tell}). Codes: 30 minutes, five tries, at
 * most five sent per account per hour.
 */
@ApplicationScoped
public class RecoveryAddresses {

    private static final Logger LOG = Logger.getLogger(RecoveryAddresses.class);
    static final Duration VALIDITY = Duration.ofMinutes(30);
    static final int TRIES = 5;
    private static final Limit SENDS = new Limit(5, Duration.ofHours(1));
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakAccounts accounts;
    private final Mailer mailer;
    private final MailNotifier mailbox;
    private final RateLimiter limiter;
    private final OutboundMail outbound;
    private final TransactionSynchronizationRegistry transactions;

    public RecoveryAddresses(KeycloakAccounts accounts, Mailer mailer, OutboundMail outbound, MailNotifier mailbox,
                             RateLimiter limiter, TransactionSynchronizationRegistry transactions) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.outbound = outbound;
        this.mailbox = mailbox;
        this.limiter = limiter;
        this.transactions = transactions;
    }

    /** Runs a task once the transaction has committed (never after a rollback). */
    private record AfterCommit(Runnable task) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                task.run();
            }
        }
    }

    /** The account's address, and the one waiting for its code (null when none waits). */
    public record State(RecoveryAddress confirmed, String pending, Instant pendingExpires) {
    }

    @Transactional
    public State state(String accountId) {
        RecoveryConfirmation waiting = RecoveryConfirmation.findById(accountId);
        boolean live = waiting != null && waiting.expiresAt.isAfter(Instant.now());
        return new State(accounts.recoveryAddress(accountId), live ? waiting.address : null,
                live ? waiting.expiresAt : null);
    }

    /**
     * Sends a code to the address and keeps it waiting for the person to type it back; a new request replaces the
     * one waiting. The address must be hers outside the académie: a mailbox she can still read when she has lost
     * her password.
     */
    @Transactional
    public State propose(String accountId, String firstName, String typed) {
        String address = typed == null ? "" : typed.strip();
        if (address.isEmpty()) {
            throw ProblemException.invalid("urn:portail:gateway:recovery-address", "adresse",
                    "Saisissez une adresse électronique personnelle.");
        }
        if (!OutboundMail.isAddress(address)) {
            throw ProblemException.invalid("urn:portail:gateway:recovery-address", "adresse",
                    "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).");
        }
        String domain = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (domain.equals(Identifiers.DOMAIN) || domain.endsWith("." + Identifiers.DOMAIN)) {
            throw ProblemException.invalid("urn:portail:gateway:recovery-address", "adresse",
                    "Choisissez une adresse personnelle, hors de l'académie : celle que vous pourrez lire même sans "
                            + "accès à votre compte académique.");
        }
        limiter.spend("recovery-code", SENDS, accountId).ifPresent(wait -> {
            throw new ProblemException("urn:portail:gateway:rate-limited", "Trop de demandes", 429,
                    "Vous avez demandé beaucoup de codes : réessayez dans " + Math.max(1, wait.toMinutes())
                            + " minutes.", null);
        });
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expires = Instant.now().plus(VALIDITY);
        // one statement, so that two requests at once (a double tap) replace each other instead of colliding
        Panache.getEntityManager().createNativeQuery("insert into recovery_confirmation"
                        + " (account_id, address, code_hash, expires_at, tries) values (?1, ?2, ?3, ?4, 0)"
                        + " on conflict (account_id) do update set address = excluded.address,"
                        + " code_hash = excluded.code_hash, expires_at = excluded.expires_at, tries = 0")
                .setParameter(1, accountId).setParameter(2, address).setParameter(3, hash(code)).setParameter(4, expires)
                .executeUpdate();
        // sent once the row is committed, after the answer ("Renvoyer un code" is there if it never comes)
        Mail mail = Mail.withText(address, "Confirmez votre adresse de secours", confirmationText(firstName, code));
        transactions.registerInterposedSynchronization(new AfterCommit(() -> outbound.sendSoon(mail, "A recovery address code")));
        return new State(accounts.recoveryAddress(accountId), address, expires);
    }

    /** Checks the code typed; when right, the address becomes the account's, confirmed now. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public RecoveryAddress confirm(String accountId, String firstName, String typed) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.invalid("urn:portail:gateway:recovery-code", "code",
                    code.isEmpty() ? "Saisissez le code reçu." : "Le code compte 6 chiffres.");
        }
        RecoveryConfirmation waiting = RecoveryConfirmation.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (waiting == null) {
            throw ProblemException.conflict("urn:portail:gateway:no-recovery-code", "Aucun code en attente",
                    "Aucun code n'attend d'être saisi : demandez-en un.", "code");
        }
        if (waiting.expiresAt.isBefore(Instant.now()) || waiting.tries >= TRIES) {
            waiting.delete();
            throw ProblemException.invalid("urn:portail:gateway:recovery-code", "code",
                    "Ce code a expiré ou a été saisi trop de fois : demandez-en un nouveau.");
        }
        if (!MessageDigest.isEqual(waiting.codeHash.getBytes(StandardCharsets.US_ASCII),
                hash(code).getBytes(StandardCharsets.US_ASCII))) {
            waiting.tries++;
            int left = TRIES - waiting.tries;
            throw ProblemException.invalid("urn:portail:gateway:recovery-code", "code", left == 0
                    ? "Ce code ne correspond pas, et c'était le dernier essai : demandez-en un nouveau."
                    : "Ce code ne correspond pas. Vérifiez-le (encore " + (left == 1 ? "1 essai" : left + " essais") + ").");
        }
        String address = waiting.address;
        waiting.delete();
        Panache.getEntityManager().flush();
        Instant now = Instant.now();
        RecoveryAddress before = accounts.recoveryAddress(accountId);
        accounts.setRecoveryAddress(accountId, address, now);
        if (!address.equalsIgnoreCase(before.address() == null ? "" : before.address())) {
            Letters.sent(mailbox, "adresse-secours-" + UUID.randomUUID(), accountId,
                    "Une adresse de secours a été enregistrée sur votre compte académique",
                    changeText(firstName, "L'adresse de secours de votre compte académique est désormais " + address
                            + ". « Mot de passe oublié ? » pourra y envoyer un code."));
            tellTheFormerAddress(before, firstName, "une autre adresse l'a remplacée");
        }
        return new RecoveryAddress(address, now);
    }

    /** Forgets the account's address (and any code waiting); her mailbox is told. */
    @Transactional
    public void remove(String accountId, String firstName) {
        RecoveryConfirmation.deleteById(accountId);
        RecoveryAddress before = accounts.recoveryAddress(accountId);
        if (before.address() == null) {
            return;
        }
        accounts.setRecoveryAddress(accountId, null, null);
        Letters.sent(mailbox, "adresse-secours-" + UUID.randomUUID(), accountId,
                "L'adresse de secours de votre compte académique a été supprimée",
                changeText(firstName, "L'adresse de secours " + before.address() + " a été retirée de votre compte "
                        + "académique. « Mot de passe oublié ? » ne peut plus y envoyer de code."));
        tellTheFormerAddress(before, firstName, "elle a été retirée du compte");
    }

    /**
     * The address that stops being the account's is told too, as mail providers do: someone who got into the
     * account and changes it to take it over cannot do so unseen by its owner.
     */
    private void tellTheFormerAddress(RecoveryAddress before, String firstName, String why) {
        if (before.address() != null) {
            outbound.sendSoon(Mail.withText(before.address(), "Cette adresse n'est plus l'adresse de secours de votre "
                    + "compte académique", changeText(firstName, "Cette adresse n'est plus l'adresse de secours de votre "
                    + "compte académique : " + why + ", depuis la page « Mon compte » du portail agents.")),
                    "A former recovery address's letter");
        }
    }

    /**
     * Sends a letter to the account's recovery address, when it has one: what the mailbox was told, also where she
     * reads when she cannot sign in. True when sent or when there is no address.
     */
    public boolean tell(String accountId, String subject, String text) {
        String address;
        try {
            address = accounts.recoveryAddress(accountId).address();
        } catch (ProblemException keycloakUnavailable) {
            return false;
        }
        if (address == null) {
            return true;
        }
        try {
            mailer.send(Mail.withText(address, subject, text));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("A letter to a recovery address was not sent (%s); it will be retried", e.getMessage());
            return false;
        }
    }

    private static String confirmationText(String firstName, String code) {
        return Letters.text(firstName,
                "Vous avez choisi cette adresse comme adresse de secours de votre compte académique, sur le portail "
                        + "agents de l'académie d'Orléans-Tours. Pour la confirmer, saisissez ce code sur la page "
                        + "« Mon compte » :",
                "",
                "    " + code,
                "",
                "Il est valable 30 minutes. Ne le communiquez à personne : l'assistance ne vous le demandera jamais.",
                "",
                "Si vous n'avez rien demandé, ignorez ce message : cette adresse ne sera pas enregistrée.");
    }

    private static String changeText(String firstName, String what) {
        return Letters.text(firstName,
                what,
                "",
                "Si ce n'était pas vous, quelqu'un utilise votre compte : changez votre mot de passe tout de suite, "
                        + "depuis « Mon compte », et prévenez l'assistance informatique de l'académie.");
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
