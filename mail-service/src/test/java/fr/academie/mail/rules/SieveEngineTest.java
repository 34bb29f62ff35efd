package fr.academie.mail.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the rules' interpreter accepts, and how it names what it refuses. */
class SieveEngineTest {

    private final SieveEngine engine = new SieveEngine();

    @Test
    void aRoundcubeStyleScriptParses() throws Exception {
        engine.check("""
                require ["fileinto","body"];
                # rule:[Devis des fournisseurs]
                if allof (header :contains "subject" "devis", size :over 10K)
                {
                	fileinto "Fiscalité";
                	stop;
                }
                # rule:[Lettres]
                if exists "List-Id" { fileinto "Lettres"; }
                elsif body :text :contains "désinscrire" { discard; }
                """);
        engine.check(""); // no rules
    }

    @Test
    void imap4flagsIsOffered() throws Exception {
        engine.check("""
                require ["imap4flags", "fileinto"];
                if header :contains "subject" "urgent" { addflag ["\\\\Flagged", "Important"]; }
                setflag "\\\\Seen Fournisseurs";
                removeflag "Fournisseurs";
                """);
        assertTrue(engine.extensions().contains("imap4flags"), engine.extensions().toString());
    }

    @Test
    void aSyntaxErrorIsNamedWithItsLineInFrench() {
        SieveEngine.Invalid invalid = assertThrows(SieveEngine.Invalid.class, () -> engine.check("""
                require "fileinto";
                if header :contains "subject" "devis" {
                    fileinto "Fiscalité"
                }
                """));
        assertEquals(4, invalid.line(), invalid.getMessage());
        assertTrue(invalid.getMessage().startsWith("Ligne 4, colonne 1 : « } » n'était pas attendu ici"), invalid.getMessage());
    }

    @Test
    void anUnknownCommandOrAnExtensionNotYetCarriedOutIsRefusedAndNamed() {
        SieveEngine.Invalid unknown = assertThrows(SieveEngine.Invalid.class, () -> engine.check("""
                if true {
                  classer "Fiscalité";
                }
                """));
        assertTrue(unknown.getMessage().contains("« classer »"), unknown.getMessage());
        assertEquals(2, unknown.line(), unknown.getMessage());

        SieveEngine.Invalid reject = assertThrows(SieveEngine.Invalid.class, () -> engine.check("""
                require "reject";
                reject "Je refuse.";
                """));
        assertTrue(reject.getMessage().contains("« reject » n'est pas encore disponible"), reject.getMessage());
        assertTrue(!engine.extensions().contains("reject") && engine.extensions().containsAll(List.of("fileinto",
                "vacation", "copy")), engine.extensions().toString());
    }

    @Test
    void aRuleIsNamedByTheRoundcubeCommentAboveIt() {
        String script = "require \"fileinto\";\n# rule:[Devis]\nif true {\n  fileinto \"A\";\n}\n# rule:[Autre]\nkeep;\n";
        assertEquals("Devis", RulesStep.ruleName(script, 4));
        assertEquals("Autre", RulesStep.ruleName(script, 7));
        assertNull(RulesStep.ruleName(script, 1));
    }
}
