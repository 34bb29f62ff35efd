package fr.academie.mail.warning;

import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.message.Warning;
import fr.academie.mail.mime.ParsedMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each sign with a message that shows it, and one that must not: false positives are bugs too. */
class PhishingSignsTest {

    private static final PhishingSigns SIGNS = PhishingSigns.shipped("ac-orleans-tours.fr");
    private static final Verdict NOTHING_PROVEN = new Verdict("none", "exemple.fr", List.of(), "none", "exemple.fr",
            Verdict.Disposition.DELIVER);

    @Test
    void aSenderWhoFailedAuthenticationIsNamed() {
        Verdict failed = new Verdict("fail", "banque-exemple.fr", List.of(), "fail", "banque-exemple.fr",
                Verdict.Disposition.DELIVER);
        assertEquals(List.of("authentification"), codes(failed, from("Banque", "alerte@banque-exemple.fr"), false));
        Verdict softfail = new Verdict("softfail", "x.fr", List.of(), "none", "x.fr", Verdict.Disposition.DELIVER);
        assertEquals(List.of("authentification"), codes(softfail, from(null, "a@x.fr"), false));
        Verdict brokenSignature = new Verdict("none", "x.fr", List.of(new Verdict.Signature("fail", "x.fr", "s")), "none",
                "x.fr", Verdict.Disposition.DELIVER);
        assertEquals(List.of("authentification"), codes(brokenSignature, from(null, "a@x.fr"), false));
        Verdict proven = new Verdict("pass", "x.fr", List.of(new Verdict.Signature("pass", "x.fr", "s")), "pass", "x.fr",
                Verdict.Disposition.DELIVER);
        assertEquals(List.of(), codes(proven, from(null, "a@x.fr"), false));
        assertEquals(List.of(), codes(NOTHING_PROVEN, from(null, "a@exemple.fr"), false), "no record is no failure");
    }

    @Test
    void aDisplayNameBorrowingAnAcademieServiceFromOutsideIsNamed() {
        List<Warning> warnings = SIGNS.of(new PhishingSigns.Inspection(NOTHING_PROVEN,
                from("Service Informatique - Académie", "support.academie@gmail.com"), false));
        assertEquals(List.of("nom-trompeur"), warnings.stream().map(Warning::code).toList());
        assertTrue(warnings.get(0).detail().contains("« Service Informatique - Académie »"), warnings.toString());
        assertEquals(List.of("nom-trompeur"), codes(NOTHING_PROVEN, from("RECTORAT d'Orléans", "rectorat@mail-rect.fr"), false));
        assertEquals(List.of(), codes(NOTHING_PROVEN, from("Rectorat", "ce.rectorat@ac-orleans-tours.fr"), false),
                "the real rectorat");
        assertEquals(List.of(), codes(NOTHING_PROVEN, from("DPE", "dpe@ac-nantes.fr"), false), "another académie");
        assertEquals(List.of(), codes(NOTHING_PROVEN, from("Mme Dupré", "m.dupre@gmail.com"), false),
                "a name that only contains the letters of a service");
    }

    @Test
    void aDisplayNameThatIsAColleaguesOnAnAddressFromOutsideIsNamed() {
        java.util.function.Predicate<String> paulLeroy = name -> PhishingSigns.sameName(name, "Paul Leroy");
        List<Warning> warnings = SIGNS.of(new PhishingSigns.Inspection(NOTHING_PROVEN,
                from("LEROY, Paul", "direction.lycee@gmail.com"), false, paulLeroy));
        assertEquals(List.of("nom-trompeur"), warnings.stream().map(Warning::code).toList());
        assertTrue(warnings.get(0).detail().contains("est celui d'une personne de l'académie"), warnings.toString());
        assertEquals(List.of(), SIGNS.of(new PhishingSigns.Inspection(NOTHING_PROVEN,
                from("Paul Leroy", "paul.leroy@ac-orleans-tours.fr"), false, paulLeroy)), "his own address");
        assertEquals(List.of(), SIGNS.of(new PhishingSigns.Inspection(NOTHING_PROVEN,
                from("Sophie Leroy", "sophie.leroy@gmail.com"), false, paulLeroy)), "a parent sharing his surname");
    }

    @Test
    void namesAreTheSameWordsInAnyOrderWithoutCaseAccentsOrPunctuation() {
        assertTrue(PhishingSigns.sameName("Léna Martin", "MARTIN, Lena"));
        assertTrue(PhishingSigns.sameName("Jean-Pierre Dupré", "dupre jean pierre"));
        assertFalse(PhishingSigns.sameName("Léna Martin", "Léna Martin-Dupont"));
        assertFalse(PhishingSigns.sameName("Léna Martin", "Martin"));
    }

    @Test
    void aDomainImitatingATrustedOneIsNamedButTheRealOnesAndStrangersAreNot() {
        for (String forged : List.of("ac-orleans-tour.fr", "ac-orleans-tours.com", "ac-orleans-tours-fr.net",
                "ac-or1eans-tours.fr", "educatlon.gouv.fr", "ac-orleans-tours.fr.verification-compte.com",
                "xn--ac-orlans-tours-gnb.fr", "education-gouv.fr")) {
            assertEquals(List.of("domaine-ressemblant"), codes(NOTHING_PROVEN, from(null, "x@" + forged), false), forged);
        }
        for (String fine : List.of("ac-orleans-tours.fr", "lycee.ac-orleans-tours.fr", "education.gouv.fr", "ac-lille.fr",
                "ac-nice.fr", "gmail.com", "laposte.net", "mairie-orleans.fr", "education-sante.org", "index-education.net")) {
            assertEquals(List.of(), codes(NOTHING_PROVEN, from(null, "x@" + fine), false), fine);
        }
    }

    @Test
    void aLinkThatShowsOneDomainAndLeadsToAnotherIsNamed() {
        ParsedMessage deceptive = html("<p>Connectez-vous sur <a href=\"https://login-verif.example.com/ac\">"
                + "https://webmail.ac-orleans-tours.fr</a></p>");
        List<Warning> warnings = SIGNS.of(new PhishingSigns.Inspection(NOTHING_PROVEN, deceptive, false));
        assertEquals(List.of("lien-trompeur"), warnings.stream().map(Warning::code).toList());
        assertTrue(warnings.get(0).detail().contains("webmail.ac-orleans-tours.fr") && warnings.get(0).detail()
                .contains("login-verif.example.com"), warnings.toString());
        // a parent from gmail.com with a link to Pronote: the text names no domain, or the same one
        assertEquals(List.of(), codes(NOTHING_PROVEN, html("<a href=\"https://0450042k.index-education.net/pronote/\">"
                + "Pronote</a> et <a href=\"https://www.index-education.com/fr/\">www.index-education.com</a>"), false));
        assertEquals(List.of(), codes(NOTHING_PROVEN, html("<a href=\"https://exemple.fr/doc.pdf\">rapport.pdf</a>"
                + "<a href=\"mailto:secretariat@ecole.fr\">secretariat@ecole.fr</a>"), false));
    }

    @Test
    void aFirstMessageAndDangerousAttachmentsAreNamed() {
        assertEquals(List.of("premier-message"), codes(NOTHING_PROVEN, from("Parent", "parent@gmail.com"), true));
        ParsedMessage withAttachments = new ParsedMessage(new ParsedMessage.Address(null, "x@exemple.fr"), List.of(),
                List.of(), "Facture", null, null, null, null, ParsedMessage.Priority.NORMAL, "Voir pièce jointe", null,
                List.of(part("facture.pdf.exe", "application/octet-stream"), part("scan.pdf.zip", "application/zip"),
                        part("devis.pdf", "application/pdf"), part("photos.tar.gz", "application/gzip"),
                        part("setup", "application/x-msdownload")));
        assertEquals(List.of("piece-jointe-executable", "double-extension", "piece-jointe-executable"),
                codes(NOTHING_PROVEN, withAttachments, false));
    }

    @Test
    void theSkeletonFoldsLookAlikeCharacters() {
        assertEquals(PhishingSigns.skeleton("ac-orleans-tours"), PhishingSigns.skeleton("ac-0rleans-t0urs"));
        assertEquals(PhishingSigns.skeleton("ac-orleans-tours"), PhishingSigns.skeleton("ас-оrleans-tours")); // Cyrillic
        assertEquals(2, PhishingSigns.distance("ac-orleans-tours", "ac-orlean-tour"));
    }

    private static List<String> codes(Verdict verdict, ParsedMessage message, boolean first) {
        return SIGNS.of(new PhishingSigns.Inspection(verdict, message, first)).stream().map(Warning::code).toList();
    }

    private static ParsedMessage from(String name, String address) {
        return new ParsedMessage(new ParsedMessage.Address(name, address), List.of(), List.of(), "Objet", null, null,
                null, null, ParsedMessage.Priority.NORMAL, "Bonjour", null, List.of());
    }

    private static ParsedMessage html(String html) {
        return new ParsedMessage(new ParsedMessage.Address(null, "parent@gmail.com"), List.of(), List.of(), "Objet",
                null, null, null, null, ParsedMessage.Priority.NORMAL, null, html, List.of());
    }

    private static ParsedMessage.Part part(String name, String type) {
        return new ParsedMessage.Part(1, name, type, 100, null, false);
    }
}
