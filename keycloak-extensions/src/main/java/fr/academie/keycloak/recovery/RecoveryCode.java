package fr.academie.keycloak.recovery;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lost-password flow's other proof: a six-digit code sent to the personal recovery address the person registered
 * and confirmed on the portal's account page (the account's admin-only attribute {@code adresseSecours}, written by
 * the gateway only after she typed the code it sent there). The code lives in the authentication session, hashed,
 * for 15 minutes and five tries. Whether the account exists or has an address, the flow behaves the same: a code is
 * "sent" (for no one when there is no address) and the mail leaves on another thread, so that neither the page nor
 * its timing tells. At most three codes per account every 15 minutes, whichever browsers ask (per Keycloak node).
 * The tries are counted in this node's memory (bounded, keyed by the code's hash), like the codes sent.
 */
final class RecoveryCode {

    private static final Logger LOG = Logger.getLogger(RecoveryCode.class);
    static final String ADDRESS = "adresseSecours";
    static final Duration VALIDITY = Duration.ofMinutes(15);
    static final int TRIES = 5;
    private static final int SENDS_PER_WINDOW = 3;
    private static final int ENTRIES_KEPT = 10_000;
    private static final String HASH = "portail.code.empreinte";
    private static final String EXPIRES = "portail.code.expire";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Per account, when its last codes were sent (oldest accounts forgotten first). */
    private static final Map<String, Deque<Long>> SENT = bounded();
    /** Per code (its hash), how many times it was tried. */
    private static final Map<String, Integer> TRIED = bounded();

    enum Check { RIGHT, WRONG, EXPIRED, NONE }

    private RecoveryCode() {
    }

    /** True when this browser asked for a code and may type it. */
    static boolean expected(AuthenticationSessionModel flow) {
        return flow.getAuthNote(HASH) != null;
    }

    /**
     * Notes a new code in the flow and, when the account may receive one, mails it to its recovery address; returns
     * whether a mail left (for the event log only: the person sees the same page either way).
     */
    static boolean issue(KeycloakSession session, AuthenticationSessionModel flow, UserModel user, boolean usable) {
        forget(flow);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String address = usable ? user.getFirstAttribute(ADDRESS) : null;
        boolean sending = address != null && !address.isBlank() && allowed(user.getId());
        // with no address, the code noted is one nobody was given: every try is then wrong, as for a typo
        flow.setAuthNote(HASH, hash(sending ? code : code + RANDOM.nextLong()));
        flow.setAuthNote(EXPIRES, Long.toString(System.currentTimeMillis() + VALIDITY.toMillis()));
        if (sending) {
            send(session, address, user.getFirstName(), code);
        }
        return sending;
    }

    static Check check(AuthenticationSessionModel flow, String typed) {
        String expected = flow.getAuthNote(HASH);
        if (expected == null) {
            return Check.NONE;
        }
        int tried;
        synchronized (TRIED) {
            tried = TRIED.merge(expected, 1, Integer::sum);
        }
        if (System.currentTimeMillis() > Long.parseLong(flow.getAuthNote(EXPIRES)) || tried > TRIES) {
            forget(flow);
            return Check.EXPIRED;
        }
        boolean right = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash(typed).getBytes(StandardCharsets.US_ASCII));
        if (right) {
            forget(flow);
        }
        return right ? Check.RIGHT : Check.WRONG;
    }

    static void forget(AuthenticationSessionModel flow) {
        String hash = flow.getAuthNote(HASH);
        if (hash != null) {
            synchronized (TRIED) {
                TRIED.remove(hash);
            }
        }
        flow.removeAuthNote(HASH);
        flow.removeAuthNote(EXPIRES);
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > ENTRIES_KEPT;
            }
        };
    }

    private static boolean allowed(String userId) {
        long now = System.currentTimeMillis();
        synchronized (SENT) {
            return allowed(SENT.computeIfAbsent(userId, id -> new ArrayDeque<>()), now);
        }
    }

    private static boolean allowed(Deque<Long> sent, long now) {
        while (!sent.isEmpty() && sent.peekFirst() < now - VALIDITY.toMillis()) {
            sent.pollFirst();
        }
        if (sent.size() >= SENDS_PER_WINDOW) {
            return false;
        }
        sent.addLast(now);
        return true;
    }

    /** On Keycloak's executor, in a session of its own: the sign-in page does not wait for the relay. */
    private static void send(KeycloakSession session, String address, String firstName, String code) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = session.getContext().getRealm().getId();
        session.getProvider(ExecutorsProvider.class).getExecutor("portail-codes-secours").execute(() ->
                KeycloakModelUtils.runJobInTransaction(factory, job -> {
                    Map<String, String> smtp = job.realms().getRealm(realmId).getSmtpConfig();
                    try {
                        job.getProvider(EmailSenderProvider.class).send(smtp, address,
                                "Votre code pour choisir un nouveau mot de passe", text(firstName, code), null);
                    } catch (EmailException e) {
                        LOG.warnf("The recovery code could not be mailed (relay: %s): %s", smtp.get("host"), e.getMessage());
                    }
                }));
    }

    static String text(String firstName, String code) {
        return String.join("\n",
                firstName == null || firstName.isBlank() ? "Bonjour," : "Bonjour " + firstName + ",",
                "",
                "Vous avez demandé à choisir un nouveau mot de passe pour votre compte académique, sur le portail "
                        + "agents de l'académie d'Orléans-Tours. Voici votre code :",
                "",
                "    " + code,
                "",
                "Il est valable 15 minutes. Ne le communiquez à personne : l'assistance ne vous le demandera jamais.",
                "",
                "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas. Quelqu'un a "
                        + "peut-être saisi votre identifiant par erreur.",
                "",
                "Vous recevez ce message à cette adresse parce que vous l'avez enregistrée comme adresse de secours "
                        + "sur votre compte académique.");
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
