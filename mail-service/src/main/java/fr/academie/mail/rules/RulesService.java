package fr.academie.mail.rules;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.forwarding.Forward;
import fr.academie.mail.forwarding.ForwardingJournal;
import fr.academie.mail.forwarding.ForwardingPolicy;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.label.LabelView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person's rules: read, and saved only when the script parses (a broken script never reaches delivery). */
@ApplicationScoped
@Transactional
public class RulesService {

    private final SieveEngine engine;
    private final LabelService labels;
    private final ForwardingPolicy policy;
    private final ForwardingJournal journal;

    public RulesService(SieveEngine engine, LabelService labels, ForwardingPolicy policy, ForwardingJournal journal) {
        this.engine = engine;
        this.labels = labels;
        this.policy = policy;
        this.journal = journal;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RulesView of(String ownerId) {
        RuleScript rules = RuleScript.findById(ownerId);
        String script = rules == null ? "" : rules.script;
        RulesView.Failure failure = rules == null || rules.failedAt == null ? null : new RulesView.Failure(
                rules.failureLine == null ? 0 : rules.failureLine, rules.failure, rules.failedAt,
                FrenchDates.weekdayAndTime(rules.failedAt));
        return new RulesView(script, editable(ownerId, script), rules != null && rules.suspended,
                rules == null ? null : rules.updatedAt, engine.extensions(), failure);
    }

    /**
     * Saves her rules once they parse and their forwards are within the charter; what changes in her forwarding is
     * written to its audit log.
     */
    public RulesView save(String ownerId, String ownerAddress, RulesInput input) {
        String script = script(input);
        List<Forward> forwards = forwards(script);
        allowed(ownerId, ownerAddress, input.rules(), forwards);
        RuleScript rules = RuleScript.findById(ownerId);
        if (rules == null) {
            rules = new RuleScript();
            rules.ownerId = ownerId;
        }
        journal.saved(ownerId, ownerAddress, rules.script == null ? List.of() : forwards(rules.script), rules.suspended,
                forwards, input.suspended());
        rules.ownerAddress = ownerAddress;
        rules.script = script;
        rules.suspended = input.suspended();
        rules.updatedAt = Instant.now();
        rules.failure = null; // saved again: a new failure will be told again
        rules.failureLine = null;
        rules.failedAt = null;
        rules.persist();
        return of(ownerId);
    }

    /** Refuses a script that would not be saved (it does not parse, or forwards outside the charter), saving nothing. */
    public void check(String ownerId, String ownerAddress, String script) {
        allowed(ownerId, ownerAddress, null, forwards(script(script, null)));
    }

    /** Deletes her rules (a mail program's DELETESCRIPT); the forwards they stop are written to the audit log. */
    public void delete(String ownerId, String ownerAddress) {
        RuleScript rules = RuleScript.findById(ownerId);
        if (rules != null) {
            journal.saved(ownerId, ownerAddress, forwards(rules.script), rules.suspended, List.of(), true);
            rules.delete();
        }
    }

    /** Refuses a forward the charter does not allow, or to her own address, naming the action or the line. */
    private void allowed(String ownerId, String ownerAddress, List<Rule> editor, List<Forward> forwards) {
        for (int i = 0; editor != null && i < editor.size(); i++) {
            List<Rule.Action> actions = editor.get(i).actions();
            for (int j = 0; j < actions.size(); j++) {
                if (actions.get(j).kind() == Rule.Kind.FORWARD) {
                    String field = "rules[" + i + "].actions[" + j + "].value";
                    String prefix = "Règle " + (i + 1) + " : ";
                    refusal(ownerId, ownerAddress, actions.get(j).value().strip()).ifPresent(why -> {
                        throw ProblemException.invalid(RuleWriter.INVALID, field, prefix + why + ".");
                    });
                }
            }
        }
        for (Forward forward : forwards) {
            refusal(ownerId, ownerAddress, forward.address()).ifPresent(why -> {
                throw ProblemException.invalid(RuleWriter.INVALID, "script",
                        (forward.line() > 0 ? "Ligne " + forward.line() + " : " : "") + why + ".");
            });
        }
    }

    private Optional<String> refusal(String ownerId, String ownerAddress, String address) {
        if (ownerAddress != null && address.equalsIgnoreCase(ownerAddress)) {
            return Optional.of("transférer vers votre propre adresse ferait tourner le courrier en rond");
        }
        return policy.refusal(ownerId, address);
    }

    /** The script's forwards; none for a script that no longer parses (saved before a change of what parses). */
    private List<Forward> forwards(String script) {
        try {
            return engine.forwards(script);
        } catch (SieveEngine.Invalid e) {
            return List.of();
        }
    }

    private String script(RulesInput input) {
        return script(input.script(), input.rules());
    }

    /** The script to save or try: the editor's rules written as Sieve, or the advanced tab's text; either way it parses. */
    String script(String text, List<Rule> rules) {
        if ((text == null) == (rules == null)) {
            throw ProblemException.invalid(RuleWriter.INVALID, "script", text == null
                    ? "Envoyez les règles de l'éditeur (rules) ou le script Sieve (script)."
                    : "Envoyez soit les règles de l'éditeur (rules), soit le script Sieve (script), pas les deux.");
        }
        String script = rules != null ? RuleWriter.write(rules) : text;
        try {
            engine.check(script);
        } catch (SieveEngine.Invalid e) {
            throw ProblemException.invalid(RuleWriter.INVALID, "script", e.getMessage());
        }
        return script;
    }

    /** The script as the editor's rules, each label by the name the person gave it (a flag has _ for spaces). */
    private List<Rule> editable(String ownerId, String script) {
        try {
            List<String> names = labels.list(ownerId).stream().map(LabelView::name).toList();
            return engine.rules(script).map(rules -> rules.stream().map(rule -> named(rule, names)).toList()).orElse(null);
        } catch (SieveEngine.Invalid e) {
            return null; // saved before a change of what parses: the advanced tab shows it and its error
        }
    }

    private static Rule named(Rule rule, List<String> labelNames) {
        return new Rule(rule.name(), rule.enabled(), rule.match(), rule.conditions(), rule.actions().stream()
                .map(action -> action.kind() != Rule.Kind.LABEL ? action : new Rule.Action(Rule.Kind.LABEL,
                        labelNames.stream().filter(name -> LabelService.keyword(name).equalsIgnoreCase(action.value()))
                                .findFirst().orElse(action.value())))
                .toList());
    }
}
