package fr.academie.iprof.campaign;

import fr.academie.iprof.grid.AdvancementGrid;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromotionRuleTest {

    static final Optional<AdvancementGrid> GRID = Optional.of(new AdvancementGrid("Professeur certifié",
            "Classe normale", LocalDate.of(2017, 9, 1), "PPCR", List.of(new AdvancementGrid.Step(7, 36, null),
            new AdvancementGrid.Step(8, 42, 30), new AdvancementGrid.Step(9, 48, null),
            new AdvancementGrid.Step(10, 48, null), new AdvancementGrid.Step(11, null, null))));

    /** Hors classe 2027: two years in the 9th échelon of the classe normale on 31 August 2027. */
    static final PromotionRule HORS_CLASSE = new PromotionRule(null, "Classe normale", 9, 2, LocalDate.of(2027, 8, 31));

    private PromotionRule.Eligibility assess(String grade, int echelon, LocalDate since) {
        return HORS_CLASSE.assess("Professeur certifié", grade, echelon, since, GRID);
    }

    @Test
    void twoYearsInTheNinthEchelonOnTheReferenceDateMakeOnePromotable() {
        PromotionRule.Eligibility justInTime = assess("Classe normale", 9, LocalDate.of(2025, 8, 31));
        assertTrue(justInTime.eligible(), justInTime.explanation());
        assertEquals("Vous êtes promouvable : il faut au moins 2 ans d'ancienneté dans le 9e échelon de la classe normale"
                + " au 31 août 2027 ; vous êtes au 9e échelon depuis le 31 août 2025 et remplissez la condition le"
                + " 31 août 2027.", justInTime.explanation());
        PromotionRule.Eligibility aDayLate = assess("Classe normale", 9, LocalDate.of(2025, 9, 1));
        assertFalse(aDayLate.eligible());
        assertTrue(aDayLate.explanation().startsWith("Vous n'êtes pas promouvable cette fois-ci"), aDayLate.explanation());
        assertTrue(aDayLate.explanation().endsWith("le 1er septembre 2027."), aDayLate.explanation());
    }

    @Test
    void aboveTheEchelonTheConditionIsMet() {
        assertTrue(assess("Classe normale", 10, LocalDate.of(2027, 8, 1)).eligible());
        assertTrue(assess("Classe normale", 11, LocalDate.of(2020, 1, 1)).explanation().contains("vous êtes au 11e échelon"));
    }

    @Test
    void belowTheEchelonTheNormalRhythmSaysWhenTheConditionWillBeMet() {
        // 8th since 1 Mar 2022: 9th on 1 Sep 2025 (42 months), two years on 1 Sep 2027, a day after the reference date
        PromotionRule.Eligibility late = assess("Classe normale", 8, LocalDate.of(2022, 3, 1));
        assertFalse(late.eligible());
        assertTrue(late.explanation().endsWith("à rythme normal, vous remplirez la condition le 1er septembre 2027."),
                late.explanation());
        assertTrue(assess("Classe normale", 8, LocalDate.of(2022, 2, 28)).eligible());
        assertFalse(assess("Classe normale", 7, LocalDate.of(2025, 9, 1)).eligible());
    }

    @Test
    void anotherGradeOrCorpsIsNotConcernedAndSaysWhy() {
        PromotionRule.Eligibility horsClasse = assess("Hors classe", 3, LocalDate.of(2020, 1, 1));
        assertFalse(horsClasse.eligible());
        assertEquals("Cette campagne concerne les agents de la classe normale ; vous êtes en hors classe.",
                horsClasse.explanation());
        PromotionRule agreges = new PromotionRule("Professeur agrégé", "Classe normale", 9, 2, LocalDate.of(2027, 8, 31));
        assertFalse(agreges.assess("Professeur certifié", "Classe normale", 10, LocalDate.of(2020, 1, 1), GRID).eligible());
    }

    @Test
    void withoutAGridNoDateCanBePromised() {
        PromotionRule.Eligibility unknown = HORS_CLASSE.assess("Attaché", "Classe normale", 8, LocalDate.of(2020, 1, 1),
                Optional.empty());
        assertFalse(unknown.eligible());
        assertTrue(unknown.explanation().contains("ne permet pas de savoir"), unknown.explanation());
    }
}
