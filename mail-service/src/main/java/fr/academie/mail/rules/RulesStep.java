package fr.academie.mail.rules;

import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.delivery.DeliveryStep;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.message.RuleTrace;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jsieve.mail.ActionDiscard;
import org.apache.jsieve.mail.ActionFileInto;
import org.apache.jsieve.mail.ActionKeep;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person's rules, run on every message that arrives (not on what they import), after the phishing warnings:
 * {@code fileinto} files the message into a folder, {@code discard} puts it in the trash (a rule never loses a
 * message), {@code keep} and the implicit keep leave it where it was going, the flags of imap4flags mark it read,
 * followed or labelled. Each action is noted with the message
 * (which rule, which line: "Pourquoi ici ?"). A script that cannot run, or a folder that does not exist, leaves the
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

    public RulesStep(SieveEngine engine, FolderService folders, LabelService labels) {
        this.engine = engine;
        this.folders = folders;
        this.labels = labels;
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
            run(arrival, rules.script).ifPresent(failure -> rules.failed(failure, Instant.now()));
        }
    }

    /**
     * Runs the script on the message: what it asks is done to the arrival (where it goes, its flags and labels). When
     * the script cannot run, the message goes where it was going, and why is returned (and noted with the message).
     */
    Optional<RuleTrace> run(Arrival arrival, String script) {
        if (script.isBlank()) {
            return Optional.empty();
        }
        ArrivalMail mail;
        try {
            mail = engine.evaluate(script, arrival);
        } catch (SieveEngine.Invalid e) {
            return Optional.of(failed(arrival, new RuleTrace(null, e.line(), "Vos règles n'ont pas pu s'appliquer : "
                    + e.getMessage())));
        } catch (RuntimeException e) {
            LOG.warnf("The rules of %s could not run on a message: %s", arrival.ownerId(), e.getMessage());
            return Optional.of(failed(arrival, new RuleTrace(null, 0, "Vos règles n'ont pas pu s'appliquer à ce message ; "
                    + "il est arrivé là où il serait arrivé sans elles.")));
        }
        // discard only cancels the implicit keep (RFC 5228 §4.4): a keep or a fileinto beside it still delivers
        boolean kept = mail.asked().stream().anyMatch(a -> a.action() instanceof ActionKeep
                || a.action() instanceof ActionFileInto);
        for (ArrivalMail.Asked action : mail.asked()) {
            carryOut(arrival, action, script, kept);
        }
        if (mail.flagsLine() > 0) {
            flag(arrival, mail.flags(), ruleName(script, mail.flagsLine()), mail.flagsLine());
        }
        return Optional.empty();
    }

    private static RuleTrace failed(Arrival arrival, RuleTrace failure) {
        arrival.trace(failure);
        return failure;
    }

    /** The flags the rules left: {@code \Seen} read, {@code \Flagged} followed, another flag the label of that name. */
    private void flag(Arrival arrival, Set<String> flags, String rule, int line) {
        for (String flag : flags) {
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
