package fr.academie.mail.forwarding;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.mime.AutomaticMessages;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.outbound.Onward;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.james.mime4j.dom.address.Mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Forwards a message arriving, as a rule asks ({@code redirect}), within the charter ({@link ForwardingPolicy}): queued
 * as received, under {@code Delivered-To:} with the person's address, and outside the académie under a rewritten
 * envelope sender (SRS). Loops stop: a message that already went through the person's mailbox ({@code Delivered-To:}
 * with her address), that this rule already forwarded there (remembered for {@code mail.forwarding.remembered}), or
 * that went through too many servers ({@code Received:}) is not forwarded again, and she is told once per rule.
 */
@ApplicationScoped
public class Forwarder {

    /** How long an SRS address takes a bounce back (postsrsd's default): longer than a sending server's retries. */
    private static final Duration SRS_VALID_FOR = Duration.ofDays(21);

    /** Whether the message was forwarded, and what was done, in French, for the reading pane ("transféré à …"). */
    public record Outcome(boolean forwarded, String words) {
    }

    private final ForwardingPolicy policy;
    private final MailConfig config;
    private final Srs srs;

    public Forwarder(ForwardingPolicy policy, MailConfig config) {
        this.policy = policy;
        this.config = config;
        this.srs = new Srs(config.forwarding().srsSecret(), config.domain());
    }

    /**
     * Forwards the message to the address, or says why not (the message then stays where it was going); whether a copy
     * stays in the mailbox only changes the words of a trial. Inside the delivery's transaction; a trial has none.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Outcome forward(Arrival arrival, String ownerAddress, String rule, String address, boolean copyKept) {
        Optional<String> refusal = ownerAddress == null ? Optional.of("votre adresse n'est pas connue ; enregistrez "
                + "de nouveau vos règles") : policy.refusal(arrival.ownerId(), address, arrival.fromPortal());
        if (arrival.replayed()) { // "Tester", "Appliquer": nothing leaves again
            return new Outcome(false, refusal.map(why -> "ne serait pas transféré : " + why)
                    .orElse("serait transféré à " + address + (copyKept ? "" : ", sans copie gardée (mis à la corbeille)")
                            + " ; seul le courrier qui arrive est transféré"));
        }
        if (refusal.isPresent()) {
            return new Outcome(false, "non transféré : " + refusal.get() + " ; le message est resté ici");
        }
        if (looped(arrival, ownerAddress) || !firstTime(arrival, address)) {
            tellOnce(arrival, ownerAddress, rule, address);
            return new Outcome(false, "non transféré à " + address + " : ce message vous est revenu après avoir été "
                    + "transféré (boucle de transfert) ; il est resté ici");
        }
        boolean outside = !config.isAcademie(address);
        String sender = arrival.sender() == null ? "" : arrival.sender();
        if (outside && !sender.isEmpty() && !config.isAcademie(sender) && sender.indexOf('@') > 0) {
            sender = srs.forward(sender, Instant.now());
        }
        Onward.queue(arrival.ownerId(), Onward.Kind.FORWARD, sender, address, delivered(arrival, ownerAddress),
                arrival.fromPortal(), rule);
        return new Outcome(true, "transféré à " + address);
    }

    /**
     * Where a bounce sent to this address goes back: the envelope sender of a message forwarded outside under it (an
     * SRS address this server wrote in the last 21 days); empty for any other address.
     */
    public Optional<String> returnPath(String recipient) {
        return srs.reverse(recipient, Instant.now(), SRS_VALID_FOR);
    }

    /** The message went through the person's mailbox already, or through too many servers. */
    private boolean looped(Arrival arrival, String ownerAddress) {
        long received = 0;
        for (ParsedMessage.Header header : arrival.message().headers()) {
            String name = header.name().strip();
            if (name.equalsIgnoreCase("Delivered-To") && header.value().strip().equalsIgnoreCase(ownerAddress)) {
                return true;
            }
            if (name.equalsIgnoreCase("Received")) {
                received++;
            }
        }
        return received >= config.forwarding().maxHops();
    }

    /** Notes that the message goes to the address; false when it went there lately (it came back: a loop). */
    private boolean firstTime(Arrival arrival, String address) {
        return Panache.getEntityManager().createNativeQuery("""
                        insert into forwarded (owner_id, recipient, message_key, forwarded_at) values (?1, ?2, ?3, now())
                        on conflict (owner_id, recipient, message_key) do update set forwarded_at = excluded.forwarded_at
                        where forwarded.forwarded_at < now() - make_interval(secs => ?4)""")
                .setParameter(1, arrival.ownerId()).setParameter(2, address.toLowerCase(Locale.ROOT))
                .setParameter(3, key(arrival.message()))
                .setParameter(4, (double) config.forwarding().remembered().toSeconds()).executeUpdate() == 1;
    }

    /** The message's Message-ID; without one, a digest of what identifies it (sender, date, subject, text). */
    private static String key(ParsedMessage message) {
        if (message.messageId() != null && !message.messageId().isBlank()) {
            String id = message.messageId().strip();
            return id.length() <= 998 ? id : id.substring(0, 998);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String identity = message.from() + "|" + message.date() + "|" + message.subject() + "|" + message.text();
            return "sha256:" + HexFormat.of().formatHex(sha.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tells the person about the loop, once per rule until she saves her rules again. */
    private void tellOnce(Arrival arrival, String ownerAddress, String rule, String address) {
        int first = Panache.getEntityManager().createNativeQuery("""
                        insert into forwarding_loop_notice (owner_id, rule, noticed_at) values (?1, ?2, now())
                        on conflict do nothing""")
                .setParameter(1, arrival.ownerId()).setParameter(2, rule == null ? "" : rule).executeUpdate();
        if (first == 1) {
            Onward.queue(arrival.ownerId(), Onward.Kind.NOTICE, "", ownerAddress,
                    notice(arrival.message(), rule, address), false, null);
        }
    }

    private byte[] notice(ParsedMessage message, String rule, String address) {
        String named = rule == null || rule.isBlank() ? "une de vos règles" : "votre règle « " + rule + " »";
        String text = "Le message « " + (message.subject() == null ? "(sans objet)" : message.subject()) + " » vous est "
                + "revenu après avoir été transféré à " + address + " par " + named + " : le courrier tournait en rond "
                + "(une boucle de transfert).\n\n"
                + "Nous ne l'avons pas transféré une seconde fois ; il est dans votre boîte de réception. Les prochains "
                + "messages dans ce cas y resteront aussi, sans nouvel avertissement.\n\n"
                + "Pour réparer : l'adresse " + address + " renvoie sans doute le courrier vers vous. Vérifiez ses "
                + "propres transferts, ou modifiez " + named + " dans « Règles de tri ». Conseil : désactivez "
                + "temporairement vos transferts, puis réactivez vos règles une par une.\n\n"
                + "-- \nAdministrateur de la messagerie, Académie d'Orléans-Tours\n"
                + "Ce message est automatique : n'y répondez pas.\n";
        return AutomaticMessages.write(new Mailbox("Administrateur de la messagerie", "mailer-daemon", config.domain()),
                "Boucle de transfert arrêtée : " + named, "<" + UUID.randomUUID() + "@" + config.domain() + ">", text,
                Map.of("Auto-Submitted", "auto-generated"));
    }

    /**
     * The message as it goes on: {@code Delivered-To:} with the person's address on top (RFC 9228: how its return is
     * recognised), then the message as received, without the {@code Return-Path:} the MX wrote above it (a message
     * sent on carries none: RFC 5321 §4.4).
     */
    private static byte[] delivered(Arrival arrival, String ownerAddress) {
        try (InputStream in = arrival.source().open()) {
            byte[] received = in.readAllBytes();
            int start = 0;
            if (startsWith(received, "return-path:")) {
                while (start < received.length && received[start] != '\n') {
                    start++;
                }
                start++;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(received.length + 100);
            out.writeBytes(("Delivered-To: " + ownerAddress + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(received, Math.min(start, received.length), received.length - Math.min(start, received.length));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, String lowerPrefix) {
        if (bytes.length < lowerPrefix.length()) {
            return false;
        }
        String start = new String(bytes, 0, lowerPrefix.length(), StandardCharsets.ISO_8859_1);
        return start.toLowerCase(Locale.ROOT).equals(lowerPrefix);
    }

    /** Forgets forwards older than the window: the same message would now be forwarded again. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetOldForwards() {
        Panache.getEntityManager().createNativeQuery(
                        "delete from forwarded where forwarded_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) config.forwarding().remembered().toSeconds()).executeUpdate();
    }
}
