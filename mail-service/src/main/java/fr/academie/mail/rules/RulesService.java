package fr.academie.mail.rules;

import fr.academie.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** A person's rules: read, and saved only when the script parses (a broken script never reaches delivery). */
@ApplicationScoped
@Transactional
public class RulesService {

    private final SieveEngine engine;

    public RulesService(SieveEngine engine) {
        this.engine = engine;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RulesView of(String ownerId) {
        RuleScript rules = RuleScript.findById(ownerId);
        return rules == null ? new RulesView("", false, null, engine.extensions())
                : new RulesView(rules.script, rules.suspended, rules.updatedAt, engine.extensions());
    }

    public RulesView save(String ownerId, RulesInput input) {
        try {
            engine.check(input.script());
        } catch (SieveEngine.Invalid e) {
            throw ProblemException.invalid("urn:portail:mail:rules-invalid", "script", e.getMessage());
        }
        RuleScript rules = RuleScript.findById(ownerId);
        if (rules == null) {
            rules = new RuleScript();
            rules.ownerId = ownerId;
        }
        rules.script = input.script();
        rules.suspended = input.suspended();
        rules.updatedAt = Instant.now();
        rules.persist();
        return of(ownerId);
    }
}
