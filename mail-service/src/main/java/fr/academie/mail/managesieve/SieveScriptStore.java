package fr.academie.mail.managesieve;

import fr.academie.mail.rules.RuleScript;
import fr.academie.mail.rules.RulesInput;
import fr.academie.mail.rules.RulesService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * A person's rules as ManageSieve's scripts (RFC 5804): one script at most, named "regles" unless a client named it
 * otherwise, active unless her rules are suspended. Every change goes through {@link RulesService}, so a script saved
 * here is checked, charter and audit log included, as the web editor's; a refusal is a {@link Refusal}, or the
 * service's problem (its French detail is what the client shows).
 */
@ApplicationScoped
@Transactional
public class SieveScriptStore {

    /** The largest script, in octets (the web editor's limit is 65,536 characters). */
    static final int MAX_SIZE = 65_536;

    private final RulesService rules;

    public SieveScriptStore(RulesService rules) {
        this.rules = rules;
    }

    /** A refusal with ManageSieve's response code (null: none) and what the person is told. */
    static final class Refusal extends RuntimeException {
        final String code;

        Refusal(String code, String text) {
            super(text, null, false, false);
            this.code = code;
        }
    }

    /** Her script, if she has one: its name and whether it is active. */
    public record Summary(String name, boolean active) {
    }

    public Optional<Summary> summary(String ownerId) {
        return Optional.ofNullable(RuleScript.<RuleScript>findById(ownerId)).map(s -> new Summary(s.name, !s.suspended));
    }

    public String script(String ownerId, String name) {
        return named(ownerId, name).script;
    }

    /** Checks the script as saving it would, saving nothing. */
    public void check(String ownerId, String ownerAddress, String script) {
        rules.check(ownerId, ownerAddress, script);
    }

    /** Saves it: her script replaced (it stays active or not), or her first one, inactive until SETACTIVE (RFC 5804 2.6). */
    public void put(String ownerId, String ownerAddress, String name, String script) {
        RuleScript existing = RuleScript.findById(ownerId);
        if (existing != null && !existing.name.equals(name)) {
            throw oneScript(existing.name);
        }
        rules.save(ownerId, ownerAddress, new RulesInput(script, null, existing == null || existing.suspended));
        RuleScript.<RuleScript>findById(ownerId).name = name;
    }

    /** Activates her script by its name, or suspends her rules for the name "" (RFC 5804 2.8). */
    public void activate(String ownerId, String ownerAddress, String name) {
        RuleScript script = name.isEmpty() ? RuleScript.findById(ownerId) : named(ownerId, name);
        if (script != null && script.suspended == name.isEmpty()) {
            return; // already so: nothing to write to the audit log
        }
        if (script != null) {
            String kept = script.name;
            rules.save(ownerId, ownerAddress, new RulesInput(script.script, null, name.isEmpty()));
            RuleScript.<RuleScript>findById(ownerId).name = kept;
        }
    }

    public void delete(String ownerId, String ownerAddress, String name) {
        if (!named(ownerId, name).suspended) {
            throw new Refusal("ACTIVE", "Les règles « " + name + " » sont actives : désactivez-les d'abord.");
        }
        rules.delete(ownerId, ownerAddress);
    }

    public void rename(String ownerId, String name, String newName) {
        RuleScript script = named(ownerId, name);
        if (script.name.equals(newName)) {
            throw new Refusal("ALREADYEXISTS", "Un script s'appelle déjà « " + newName + " ».");
        }
        script.name = newName;
    }

    /** Whether a script of that name and size could be saved (RFC 5804 2.5). */
    public void haveSpace(String ownerId, String name, long size) {
        if (size > MAX_SIZE) {
            throw new Refusal("QUOTA/MAXSIZE", "Script trop grand : 65 536 octets au plus.");
        }
        summary(ownerId).filter(script -> !script.name().equals(name)).ifPresent(script -> {
            throw oneScript(script.name());
        });
    }

    private static Refusal oneScript(String existing) {
        return new Refusal("QUOTA/MAXSCRIPTS", "Une seule liste de règles par personne : remplacez « " + existing
                + " » (même nom) ou supprimez-la d'abord.");
    }

    private static RuleScript named(String ownerId, String name) {
        RuleScript script = RuleScript.findById(ownerId);
        if (script == null || !script.name.equals(name)) {
            throw new Refusal("NONEXISTENT", "Aucun script ne s'appelle « " + name + " ».");
        }
        return script;
    }
}
