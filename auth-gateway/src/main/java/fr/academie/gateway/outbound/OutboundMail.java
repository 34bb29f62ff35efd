package fr.academie.gateway.outbound;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

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

    private final ReactiveMailer mailer;

    public OutboundMail(ReactiveMailer mailer) {
        this.mailer = mailer;
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
