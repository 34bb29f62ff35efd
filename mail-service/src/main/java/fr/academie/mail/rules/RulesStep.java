package fr.academie.mail.rules;

import fr.academie.mail.autoreply.Responder;
import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.delivery.DeliveryStep;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.forwarding.Forwarder;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.message.RuleTrace;
import fr.academie.mail.mime.ParsedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jsieve.mail.ActionDiscard;
import org.apache.jsieve.mail.ActionFileInto;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.jsieve.mail.ActionKeep;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The person's rules, run on every message that arrives (not on what they import), after the phishing warnings:
 * {@code fileinto} files the message into a folder, {@code discard} puts it in the trash (a rule never loses a
 * message), {@code keep} and the implicit keep leave it where it was going, the flags of imap4flags mark it read,
 * followed or labelled, {@code redirect} forwards it ({@link Forwarder}), {@code vacation} answers it
 * ({@link Responder}), {@code rename_attachments} names its attachments ({@link AttachmentNames}). Each action is noted with the message (which rule, which line: "Pourquoi ici ?"). A script that cannot run, or a folder that does not exist, leaves the
 * message where it was going, and the message says why; the script's first failure is kept with it, for the person
 * to be told once (the rules page and the webmail say it until she saves her rules again).
 */
@ApplicationScoped
public class RulesStep implements DeliveryStep {

    private static final Logger LOG = Logger.getLogger(RulesStep.class);
    /** The rule's name, as Roundcube (and our editor) writes it above each rule. */
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*#\\s*rule:\\s*\\[(.{1,200})]\\s*$");

    private final SieveEngine engine;
    private final FolderService folders;
    private final LabelService labels;
    private final Forwarder forwarder;
    private final Responder responder;

    public RulesStep(SieveEngine engine, FolderService folders, LabelService labels, Forwarder forwarder,
                     Responder responder) {
        this.engine = engine;
        this.folders = folders;
        this.labels = labels;
        this.forwarder = forwarder;
        this.responder = responder;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void apply(Arrival arrival) {
        if (arrival.imported()) {
            return;
        }
        RuleScript rules = RuleScript.findById(arrival.ownerId());
        if (rules != null && !rules.suspended) {
            run(arrival, rules.script, rules.ownerAddress).ifPresent(failure -> rules.failed(failure, Instant.now()));
        }
    }

    /**
     * Runs the script on the message: what it asks is done to the arrival (where it goes, its flags and labels). When
     * the script cannot run, the message goes where it was going, and why is returned (and noted with the message).
     */
    Optional<RuleTrace> run(Arrival arrival, String script, String ownerAddress) {
        if (script.isBlank()) {
            return Optional.empty();
        }
        ArrivalMail mail;
        try {
            mail = engine.evaluate(script, arrival, ownerAddress);
        } catch (SieveEngine.Invalid e) {
            return Optional.of(failed(arrival, new RuleTrace(null, e.line(), "Vos règles n'ont pas pu s'appliquer : "
                    + e.getMessage())));
        } catch (RuntimeException e) {
            LOG.warnf("The rules of %s could not run on a message: %s", arrival.ownerId(), e.getMessage());
            return Optional.of(failed(arrival, new RuleTrace(null, 0, "Vos règles n'ont pas pu s'appliquer à ce message ; "
                    + "il est arrivé là où il serait arrivé sans elles.")));
        }
        // discard and redirect only cancel the implicit keep (RFC 5228 §4.2, §4.4): a keep or a fileinto beside them
        // still delivers
        boolean kept = mail.asked().stream().anyMatch(a -> a.action() instanceof ActionKeep
                || a.action() instanceof ActionFileInto);
        for (ArrivalMail.Asked action : mail.asked()) {
            if (action.action() instanceof RedirectCommand.Redirection redirection) {
                forward(arrival, redirection, ruleName(script, action.line()), action.line(), ownerAddress, kept);
            } else if (action.action() instanceof VacationCommand.Vacation vacation) {
                answer(arrival, vacation, ruleName(script, action.line()), action.line(), ownerAddress);
            } else if (action.action() instanceof RenameCommand.Rename rename) {
                rename(arrival, rename, ruleName(script, action.line()), action.line());
            } else {
                carryOut(arrival, action, script, kept);
            }
        }
        flag(arrival, mail, script);
        return Optional.empty();
    }

    private static RuleTrace failed(Arrival arrival, RuleTrace failure) {
        arrival.trace(failure);
        return failure;
    }

    /**
     * The flags the rules left, each said by the rule that gave it: {@code \Seen} read, {@code \Flagged} followed,
     * another flag the label of that name.
     */
    private void flag(Arrival arrival, ArrivalMail mail, String script) {
        for (String flag : mail.flags()) {
            int line = mail.lineOf(flag);
            String rule = ruleName(script, line);
            if (flag.equalsIgnoreCase("\\Seen")) {
                arrival.markRead();
                arrival.trace(new RuleTrace(rule, line, "marqué comme lu"));
            } else if (flag.equalsIgnoreCase("\\Flagged")) {
                arrival.flag();
                arrival.trace(new RuleTrace(rule, line, "suivi"));
            } else if (!flag.startsWith("\\")) { // \Answered, \Draft, \Deleted mean nothing for mail arriving
                Optional<UUID> label = labels.named(arrival.ownerId(), flag);
                label.ifPresent(arrival::label);
                arrival.trace(new RuleTrace(rule, line, label.isPresent() ? "étiquette « " + flag + " »"
                        : "l'étiquette « " + flag + " » n'existe pas : le message ne l'a pas reçue"));
            }
        }
    }

    private void carryOut(Arrival arrival, ArrivalMail.Asked asked, String script, boolean kept) {
        String rule = ruleName(script, asked.line());
        if (asked.action() instanceof ActionFileInto fileInto) {
            String path = fileInto.getDestination();
            Optional<UUID> folder = folders.byPath(arrival.ownerId(), path);
            if (folder.isPresent()) {
                arrival.fileInto(folder.get());
                arrival.trace(new RuleTrace(rule, asked.line(), "classé dans « " + path + " »"));
            } else {
                arrival.trace(new RuleTrace(rule, asked.line(), "le dossier « " + path + " » n'existe pas : le "
                        + "message est resté là où il serait arrivé sans cette règle"));
            }
        } else if (asked.action() instanceof ActionDiscard && !kept) {
            arrival.fileInto(folders.systemFolderId(arrival.ownerId(), SystemFolder.TRASH));
            arrival.trace(new RuleTrace(rule, asked.line(), "mis à la corbeille (discard)"));
        }
    }

    /**
     * Forwards the message (or says why not). A forward without a copy puts the message in the trash, as Gmail's
     * "delete Gmail's copy" does: a rule never loses a message, and a forward that did not happen keeps it here.
     */
    private void forward(Arrival arrival, RedirectCommand.Redirection redirection, String rule, int line,
                         String ownerAddress, boolean kept) {
        Forwarder.Outcome outcome = forwarder.forward(arrival, ownerAddress, rule, redirection.address(),
                redirection.copy() || kept);
        arrival.trace(new RuleTrace(rule, line, outcome.words()));
        if (outcome.forwarded() && !redirection.copy() && !kept) {
            arrival.fileInto(folders.systemFolderId(arrival.ownerId(), SystemFolder.TRASH));
            arrival.trace(new RuleTrace(rule, line, "pas de copie gardée : mis à la corbeille"));
        }
    }

    /**
     * Sieve's vacation (RFC 5230), by the page's own responder: only to mail addressed to her (§4.5: her address or
     * one of {@code :addresses} in To: or Cc:), from her address, "Auto: " and the subject unless {@code :subject}
     * says otherwise, once per sender per {@code :days} (7 unless said; 1 to 30) for each vacation.
     */
    private void answer(Arrival arrival, VacationCommand.Vacation vacation, String rule, int line, String ownerAddress) {
        if (ownerAddress == null) {
            arrival.trace(new RuleTrace(rule, line, "pas de réponse automatique : votre adresse n'est pas connue ; "
                    + "enregistrez de nouveau vos règles"));
            return;
        }
        ParsedMessage message = arrival.message();
        boolean toHer = Stream.concat(message.to().stream(), message.cc().stream())
                .map(ParsedMessage.Address::address).filter(Objects::nonNull)
                .anyMatch(address -> address.equalsIgnoreCase(ownerAddress)
                        || vacation.addresses().stream().anyMatch(address::equalsIgnoreCase));
        if (!toHer) {
            return;
        }
        String subject = vacation.subject() != null ? vacation.subject()
                : "Auto: " + (message.subject() == null ? "" : message.subject());
        int days = vacation.days() == 0 ? 7 : Math.max(1, Math.min(30, vacation.days()));
        String handle = "sieve:" + (vacation.handle() != null ? vacation.handle()
                : Integer.toHexString(Objects.hash(vacation.subject(), vacation.reason())));
        int at = ownerAddress.lastIndexOf('@');
        Mailbox from = new Mailbox(ownerAddress.substring(0, at), ownerAddress.substring(at + 1));
        Responder.Reply reply = new Responder.Reply(handle.length() <= 200 ? handle : handle.substring(0, 200), from,
                subject, vacation.reason(), null, days);
        responder.answer(arrival, reply).ifPresent(to -> arrival.trace(new RuleTrace(rule, line,
                (arrival.replayed() ? "répondrait automatiquement à " : "réponse automatique envoyée à ") + to)));
    }

    /** Renames the attachments of those types, each noted ("devis.pdf renommé « 2026-12-03_Papeterie_devis.pdf »"). */
    private static void rename(Arrival arrival, RenameCommand.Rename rename, String rule, int line) {
        for (ParsedMessage.Part part : ArrivalMail.attachments(arrival, rename.types())) {
            String name = AttachmentNames.of(rename.pattern(), part, arrival.message(), arrival.receivedAt());
            arrival.trace(new RuleTrace(rule, line, "pièce jointe « " + arrival.fileName(part) + " » renommée « "
                    + name + " »"));
            arrival.rename(part, name);
        }
    }

    /** The name of the rule the line belongs to: the nearest {@code # rule:[...]} comment above it. */
    static String ruleName(String script, int line) {
        String[] lines = script.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher name = RULE_NAME.matcher(lines[i]);
            if (name.matches()) {
                return name.group(1).strip();
            }
        }
        return null;
    }
}
