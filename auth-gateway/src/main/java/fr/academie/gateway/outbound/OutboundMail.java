package fr.academie.gateway.outbound;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Mail the gateway sends outside the académie's mailboxes (a recovery address's code, a request to the help desk),
 * through the outbound relay, after the answer to the person: the page never waits for the relay. Each attempt is
 * given {@link #ATTEMPT} (a first connection to the relay has been seen to stall, as mail-service notes of the same
 * client), and three are made before the failure is logged.
 */
@ApplicationScoped
public class OutboundMail {

    private static final Logger LOG = Logger.getLogger(OutboundMail.class);
    static final Duration ATTEMPT = Duration.ofSeconds(8);
    /** What a person types as her address (the relay, and Keycloak for a recovery address, check it again). */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final int ADDRESS_MAX = 254;

    private final ReactiveMailer mailer;

    public OutboundMail(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    /** Whether the text typed reads as an address mail can be sent to ({@code prenom.nom@exemple.fr}). */
    public static boolean isAddress(String typed) {
        return typed.length() <= ADDRESS_MAX && ADDRESS.matcher(typed).matches();
    }

    /** Sends the mail in the background; {@code what} names it in the log (never its content or its code). */
    public void sendSoon(Mail mail, String what) {
        mailer.send(mail)
                .ifNoItem().after(ATTEMPT).fail()
                .onFailure().retry().atMost(2)
                .subscribe().with(
                        sent -> LOG.infof("%s sent to the relay", what),
                        failure -> LOG.errorf("%s not sent after three attempts: %s", what, failure.toString()));
    }
}
