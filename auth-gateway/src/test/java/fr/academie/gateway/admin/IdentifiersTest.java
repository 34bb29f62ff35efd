package fr.academie.gateway.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentifiersTest {

    @ParameterizedTest(name = "{0} {1} → {2}, {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Léna|Martin|lmartin|lena.martin",
            "Samir|Benali|sbenali|samir.benali",
            "Nadia|Moreau|nmoreau|nadia.moreau",
            "Élodie|Lefèvre|elefevre|elodie.lefevre",
            "Françoise|Çelik|fcelik|francoise.celik",
            "Jean-Pierre|Dupont|jdupont|jean-pierre.dupont",
            "Marie Claire|Dupont|mdupont|marie-claire.dupont",
            "Anne|Le Goff|alegoff|anne.le-goff",
            "Jean|de La Fontaine|jdelafontaine|jean.de-la-fontaine",
            "Charles|de Gaulle|cdegaulle|charles.de-gaulle",
            "Hélène|D'Artagnan|hdartagnan|helene.dartagnan",
            "Patrick|O’Brien|pobrien|patrick.obrien",
            "Zoé|Saint-Exupéry|zsaintexupery|zoe.saint-exupery",
            "Loïc|Le Bihan|llebihan|loic.le-bihan",
            "Maëlle|Kerhervé|mkerherve|maelle.kerherve",
            "Noël|Lœuillet|nloeuillet|noel.loeuillet",
            "Cécile|Van der Berg|cvanderberg|cecile.van-der-berg",
            "Ève|Lâm|elam|eve.lam",
            "Jérôme|Müller|jmuller|jerome.muller",
            "Björn|Østergaard|bostergaard|bjorn.ostergaard",
            "Æsa|Nørgaard|anorgaard|aesa.norgaard",
            "Günther|Straße|gstrasse|gunther.strasse",
            "Łukasz|Wałęsa|lwalesa|lukasz.walesa",
            "Đorđe|Petrović|dpetrovic|dorde.petrovic",
            "Şükrü|Yılmaz|syilmaz|sukru.yilmaz",
            "Aurélie|Delacroix-Duval|adelacroixduval|aurelie.delacroix-duval",
            "Jean-Marc|N'Diaye|jndiaye|jean-marc.ndiaye",
            "Anne-Sophie|de l'Épée|adelepee|anne-sophie.de-lepee",
            "Ophélie|Du Pont de Nemours|odupontdenemours|ophelie.du-pont-de-nemours",
            "Thuy|Nguyễn|tnguyen|thuy.nguyen",
            "Mohamed|El Amrani|melamrani|mohamed.el-amrani",
            "Fatima-Zahra|Ben Ali|fbenali|fatima-zahra.ben-ali",
            "\"  Paul \"|\" Leroy  \"|pleroy|paul.leroy",
            "Claire|DURAND|cdurand|claire.durand",
            "Jean--Luc|Roux|jroux|jean-luc.roux",
            "Marie – Thérèse|Blanc|mblanc|marie-therese.blanc",
            "Ana|García Márquez|agarciamarquez|ana.garcia-marquez",
            "Siobhán|Ó Súilleabháin|sosuilleabhain|siobhan.o-suilleabhain",
            "Zoë|Brontë|zbronte|zoe.bronte",
            "Agnès|L'Hermite|alhermite|agnes.lhermite",
            "Léa|Lévy-Lévêque|llevyleveque|lea.levy-leveque",
            "Yann|Le Nôtre|ylenotre|yann.le-notre",
            "Émile|Zola 2|ezola|emile.zola",
    })
    void namesBecomeAnIdentifierAndAnAddress(String firstName, String lastName, String identifier, String local) {
        Identifiers.NewIdentity identity = Identifiers.choose(firstName, lastName, taken -> false, taken -> false);
        assertEquals(identifier, identity.identifier());
        assertEquals(local + "@ac-orleans-tours.fr", identity.email());
    }

    @Test
    void aClashTakesTheNextFreeNumber() {
        Set<String> identifiers = Set.of("lmartin", "lmartin2");
        Set<String> emails = Set.of("lena.martin@ac-orleans-tours.fr");
        Identifiers.NewIdentity identity = Identifiers.choose("Léna", "Martin", identifiers::contains, emails::contains);
        assertEquals("lmartin3", identity.identifier());
        assertEquals("lena.martin2@ac-orleans-tours.fr", identity.email());
    }

    @Test
    void twoPeopleWithTheSameInitialAndNameGetTwoIdentifiersButTheirOwnAddresses() {
        Identifiers.NewIdentity louis = Identifiers.choose("Louis", "Martin", Set.of("lmartin")::contains,
                Set.of("lena.martin@ac-orleans-tours.fr")::contains);
        assertEquals("lmartin2", louis.identifier());
        assertEquals("louis.martin@ac-orleans-tours.fr", louis.email());
    }

    @Test
    void namesWithoutAnyLetterAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Identifiers.choose("Jean", "---", taken -> false, taken -> false));
        assertThrows(IllegalArgumentException.class, () -> Identifiers.choose(" ", "Martin", taken -> false, taken -> false));
    }
}
