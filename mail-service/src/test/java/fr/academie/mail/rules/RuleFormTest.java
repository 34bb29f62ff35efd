package fr.academie.mail.rules;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.rules.Rule.Action;
import fr.academie.mail.rules.Rule.Condition;
import fr.academie.mail.rules.Rule.Field;
import fr.academie.mail.rules.Rule.Kind;
import fr.academie.mail.rules.Rule.Match;
import fr.academie.mail.rules.Rule.Operator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's rules written as Sieve and read back: every condition and action, rules off, scripts from elsewhere. */
class RuleFormTest {

    private final SieveEngine engine = new SieveEngine();

    private static final Rule PDF_QUOTES = new Rule("Devis PDF", true, Match.ALL, List.of(
            new Condition(Field.FROM, Operator.CONTAINS, "@fournisseur.fr"),
            new Condition(Field.ATTACHMENT_TYPE, null, "pdf"),
            new Condition(Field.SUBJECT, Operator.NOT_CONTAINS, "relance \"urgente\"")),
            List.of(new Action(Kind.MOVE, "Fiscalité"), new Action(Kind.LABEL, "Devis reçus"), new Action(Kind.STOP, null)));

    @Test
    void samirsPdfRuleIsWrittenAsSieveOtherServersRead() throws Exception {
        String script = RuleWriter.write(List.of(PDF_QUOTES));
        assertEquals("""
                require ["vnd.portail", "fileinto", "imap4flags"];

                # rule:[Devis PDF]
                if allof (header :contains "from" "@fournisseur.fr", attachment :type "pdf", not header :contains "subject" "relance \\"urgente\\"")
                {
                    fileinto "Fiscalité";
                    addflag "Devis_reçus";
                    stop;
                }
                """, script);
        engine.check(script);
        // the label comes back as its flag; RulesService gives it the person's label name again
        Rule read = engine.rules(script).orElseThrow().get(0);
        assertEquals(PDF_QUOTES.conditions(), read.conditions());
        assertEquals(List.of(new Action(Kind.MOVE, "Fiscalité"), new Action(Kind.LABEL, "Devis_reçus"),
                new Action(Kind.STOP, null)), read.actions());
        assertEquals("Devis PDF", read.name());
    }

    @Test
    void everyConditionAndActionReadsBackAsItWasWritten() throws Exception {
        List<Rule> rules = List.of(
                new Rule("Listes", true, Match.ANY, List.of(new Condition(Field.LIST, Operator.CONTAINS, ""),
                        new Condition(Field.LIST, Operator.IS, "<infos.ac-orleans-tours.fr>"),
                        new Condition(Field.TO_CC, Operator.CONTAINS, "tous-personnels"),
                        new Condition(Field.TO_CC, Operator.IS, "cdi@lycee.fr"),
                        new Condition(Field.FROM, Operator.IS, "a@b.fr")),
                        List.of(new Action(Kind.MARK_READ, null))),
                new Rule("Gros et douteux", true, Match.ALL, List.of(new Condition(Field.SIZE, Operator.OVER, "5000"),
                        new Condition(Field.SIZE, Operator.UNDER, "90000"),
                        new Condition(Field.AUTHENTICATION, Operator.FAILS, null),
                        new Condition(Field.ATTACHMENT, null, null)),
                        List.of(new Action(Kind.FLAG, null), new Action(Kind.MOVE, "Archives/2026"))),
                new Rule("Portail", true, Match.ALL, List.of(new Condition(Field.PORTAL, null, null),
                        new Condition(Field.AUTHENTICATION, Operator.PASSES, null),
                        new Condition(Field.SUBJECT, Operator.IS, "Demande validée")),
                        List.of(new Action(Kind.LABEL, "RH"))),
                new Rule("Tout", true, Match.ALL, List.of(), List.of(new Action(Kind.LABEL, "Lu"))));
        String script = RuleWriter.write(rules);
        engine.check(script);
        assertEquals(Optional.of(rules), engine.rules(script), script);
    }

    @Test
    void aRuleThatIsOffKeepsItsConditionsAndNeverHolds() throws Exception {
        List<Rule> rules = List.of(
                new Rule("Seul", false, Match.ALL, List.of(new Condition(Field.SUBJECT, Operator.CONTAINS, "x")),
                        List.of(new Action(Kind.STOP, null))),
                new Rule("Toutes", false, Match.ALL, List.of(new Condition(Field.SUBJECT, Operator.CONTAINS, "x"),
                        new Condition(Field.ATTACHMENT, null, null)), List.of(new Action(Kind.FLAG, null))),
                new Rule("Une", false, Match.ANY, List.of(new Condition(Field.SUBJECT, Operator.CONTAINS, "x"),
                        new Condition(Field.ATTACHMENT, null, null)), List.of(new Action(Kind.FLAG, null))),
                new Rule("Aucune", false, Match.ALL, List.of(), List.of(new Action(Kind.MARK_READ, null))));
        String script = RuleWriter.write(rules);
        assertTrue(script.contains("if allof (false, header :contains \"subject\" \"x\", attachment)"), script);
        assertTrue(script.contains("if allof (false, anyof (header :contains \"subject\" \"x\", attachment))"), script);
        assertTrue(script.contains("if allof (false, true)"), script);
        engine.check(script);
        assertEquals(Optional.of(rules), engine.rules(script), script);
    }

    @Test
    void aRoundcubeScriptOpensInTheEditorAndOneItCannotShowIsLeftToTheAdvancedTab() throws Exception {
        Optional<List<Rule>> roundcube = engine.rules("""
                require ["fileinto","imap4flags"];
                # rule:[Lettres d'information]
                if anyof (exists "List-Id", header :contains "Subject" "lettre")
                {
                	fileinto "Lettres";
                	addflag "\\\\Seen";
                }
                """);
        assertEquals(Optional.of(List.of(new Rule("Lettres d'information", true, Match.ANY,
                List.of(new Condition(Field.LIST, Operator.CONTAINS, ""), new Condition(Field.SUBJECT, Operator.CONTAINS, "lettre")),
                List.of(new Action(Kind.MOVE, "Lettres"), new Action(Kind.MARK_READ, null))))), roundcube);

        for (String advanced : List.of(
                "if true { fileinto \"A\"; } else { keep; }",
                "fileinto \"A\";",
                "if header :matches \"subject\" \"*devis*\" { stop; }",
                "if true { if true { stop; } }",
                "require \"body\"; if body :contains \"x\" { stop; }",
                "if not exists \"list-id\" { stop; }",
                "if size :over 1000 { stop; }",
                "if false { stop; }",
                "require \"imap4flags\"; if true { setflag \"\\\\Seen\"; }")) {
            engine.check(advanced);
            assertEquals(Optional.empty(), engine.rules(advanced), advanced);
        }
        assertEquals(Optional.of(List.of()), engine.rules(""));
    }

    @Test
    void aRuleTheEditorCannotWriteIsRefusedNamingTheFieldInFrench() {
        ProblemException noValue = assertThrows(ProblemException.class, () -> RuleWriter.write(List.of(PDF_QUOTES,
                new Rule("Vide", true, Match.ALL, List.of(new Condition(Field.SUBJECT, Operator.CONTAINS, " ")),
                        List.of(new Action(Kind.STOP, null))))));
        assertEquals("rules[1].conditions[0].value", noValue.toProblem().field());
        assertEquals("Règle 2 : indiquez le texte à chercher.", noValue.getMessage());

        ProblemException sizeOperator = assertThrows(ProblemException.class, () -> RuleWriter.write(List.of(
                new Rule(null, true, Match.ALL, List.of(new Condition(Field.SIZE, Operator.CONTAINS, "10")),
                        List.of(new Action(Kind.STOP, null))))));
        assertEquals("rules[0].conditions[0].operator", sizeOperator.toProblem().field());

        ProblemException size = assertThrows(ProblemException.class, () -> RuleWriter.write(List.of(
                new Rule(null, true, Match.ALL, List.of(new Condition(Field.SIZE, Operator.OVER, "99999999999999999999")),
                        List.of(new Action(Kind.STOP, null))))));
        assertEquals("rules[0].conditions[0].value", size.toProblem().field());

        ProblemException folder = assertThrows(ProblemException.class, () -> RuleWriter.write(List.of(
                new Rule(null, true, Match.ALL, List.of(), List.of(new Action(Kind.MOVE, null))))));
        assertEquals("rules[0].actions[0].value", folder.toProblem().field());
        assertEquals("Règle 1 : indiquez le dossier où classer.", folder.getMessage());
    }

    @Test
    void aForwardIsARedirectWithOrWithoutCopyAndItsRuleSaysWhetherItIsOn() throws Exception {
        List<Rule> rules = List.of(
                new Rule("Vers Samir", true, Match.ALL, List.of(new Condition(Field.SUBJECT, Operator.CONTAINS, "devis")),
                        List.of(new Action(Kind.FORWARD, "samir.benali@ac-orleans-tours.fr", true), new Action(Kind.STOP, null))),
                new Rule("Vers moi", false, Match.ALL, List.of(),
                        List.of(new Action(Kind.FORWARD, "lena@exemple-perso.fr", false))));
        String script = RuleWriter.write(rules);
        assertTrue(script.startsWith("require [\"copy\"];"), script);
        assertTrue(script.contains("    redirect :copy \"samir.benali@ac-orleans-tours.fr\";\n"), script);
        assertTrue(script.contains("    redirect \"lena@exemple-perso.fr\";\n"), script);
        engine.check(script);
        assertEquals(Optional.of(rules), engine.rules(script), script);
        assertEquals(List.of(new fr.academie.mail.forwarding.Forward("Vers Samir", "samir.benali@ac-orleans-tours.fr", true, true, 6),
                new fr.academie.mail.forwarding.Forward("Vers moi", "lena@exemple-perso.fr", false, false, 13)),
                engine.forwards(script), script);
        // a forward nested where the editor cannot show it is still found, with its line
        assertEquals(List.of(new fr.academie.mail.forwarding.Forward(null, "a@exemple.fr", false, true, 3)),
                engine.forwards("if header :contains \"subject\" \"x\" {\n  if size :over 1K {\n    redirect \"a@exemple.fr\";\n  }\n}\n"));

        ProblemException address = assertThrows(ProblemException.class, () -> RuleWriter.write(List.of(
                new Rule(null, true, Match.ALL, List.of(), List.of(new Action(Kind.FORWARD, "Léna <lena@exemple.fr>", true))))));
        assertEquals("rules[0].actions[0].value", address.toProblem().field());
        assertEquals("Règle 1 : « Léna <lena@exemple.fr> » n'est pas une adresse électronique valide.", address.getMessage());
    }

    @Test
    void samirsRenamingIsOurExtensionsActionOnPdfs() throws Exception {
        List<Rule> rules = List.of(new Rule("Devis PDF", true, Match.ALL, List.of(new Condition(Field.ATTACHMENT_TYPE, null, "pdf")),
                List.of(new Action(Kind.RENAME_PDF, "{date}_{expéditeur}_{nom}"), new Action(Kind.MOVE, "Fiscalité"))));
        String script = RuleWriter.write(rules);
        assertTrue(script.contains("    rename_attachments :type \"pdf\" \"{date}_{expéditeur}_{nom}\";\n"), script);
        engine.check(script);
        assertEquals(Optional.of(rules), engine.rules(script), script);
        assertEquals(Optional.empty(), engine.rules("require \"vnd.portail\";\nif true {\n  rename_attachments :type \"docx\" \"x\";\n}\n"),
                "another type: the advanced tab");
        ProblemException slash = assertThrows(ProblemException.class, () -> RuleWriter.write(List.of(new Rule(null, true,
                Match.ALL, List.of(), List.of(new Action(Kind.RENAME_PDF, "Factures/{nom}"))))));
        assertEquals("rules[0].actions[0].value", slash.toProblem().field());
    }
}
