package fr.academie.mail.rules;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.label.LabelView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** A person's rules: read, and saved only when the script parses (a broken script never reaches delivery). */
@ApplicationScoped
@Transactional
public class RulesService {

    private final SieveEngine engine;
    private final LabelService labels;

    public RulesService(SieveEngine engine, LabelService labels) {
        this.engine = engine;
        this.labels = labels;
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

    public RulesView save(String ownerId, RulesInput input) {
        String script = script(input);
        RuleScript rules = RuleScript.findById(ownerId);
        if (rules == null) {
            rules = new RuleScript();
            rules.ownerId = ownerId;
        }
        rules.script = script;
        rules.suspended = input.suspended();
        rules.updatedAt = Instant.now();
        rules.failure = null; // saved again: a new failure will be told again
        rules.failureLine = null;
        rules.failedAt = null;
        rules.persist();
        return of(ownerId);
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
