package fr.academie.iprof.campaign;

import fr.academie.iprof.grid.AdvancementGrid;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import static fr.academie.common.date.FrenchDates.day;
import static fr.academie.common.date.FrenchDates.ordinal;

/**
 * Who may be promoted in a campaign: agents of {@code fromGrade} (of {@code fromCorps} when given) who, on the
 * reference date, have held {@code minEchelon} for at least {@code minYears}, or are above it. Échelons come at the
 * normal rhythm without any decision, so a date projected on the grid counts as much as one already reached.
 */
public record PromotionRule(String fromCorps, String fromGrade, int minEchelon, int minYears, LocalDate referenceDate) {

    /** Whether the person may be promoted, and why, in plain French. */
    public record Eligibility(boolean eligible, String explanation) {
    }

    public Eligibility assess(String corps, String grade, int echelon, LocalDate since, Optional<AdvancementGrid> grid) {
        if (fromCorps != null && !fromCorps.equals(corps)) {
            return no("Cette campagne concerne le corps « " + fromCorps + " » ; vous relevez du corps « " + corps + " ».");
        }
        if (!fromGrade.equals(grade)) {
            return no("Cette campagne concerne les agents de la " + lower(fromGrade) + " ; vous êtes en " + lower(grade) + ".");
        }
        if (echelon > minEchelon) {
            return yes("Vous êtes promouvable : il faut " + condition() + ", et vous êtes au " + ordinal(echelon) + " échelon.");
        }
        Optional<LocalDate> met = grid.flatMap(g -> g.reached(echelon, since, minEchelon)).map(date -> date.plusYears(minYears));
        if (met.isEmpty()) {
            return no("Il faut " + condition() + " ; votre grille d'avancement ne permet pas de savoir quand vous le remplirez.");
        }
        String when = echelon == minEchelon
                ? "vous êtes au " + ordinal(echelon) + " échelon depuis le " + day(since) + " et remplissez la condition le "
                : "à rythme normal, vous remplirez la condition le ";
        return met.get().isAfter(referenceDate)
                ? no("Vous n'êtes pas promouvable cette fois-ci : il faut " + condition() + " ; " + when + day(met.get()) + ".")
                : yes("Vous êtes promouvable : il faut " + condition() + " ; " + when + day(met.get()) + ".");
    }

    /** "au moins 2 ans d'ancienneté dans le 9e échelon de la classe normale au 31 août 2027". */
    String condition() {
        String step = "le " + ordinal(minEchelon) + " échelon de la " + lower(fromGrade);
        return (minYears == 0 ? "avoir atteint " + step : "au moins " + minYears + (minYears == 1 ? " an" : " ans")
                + " d'ancienneté dans " + step) + " au " + day(referenceDate);
    }

    private static String lower(String grade) {
        return grade.toLowerCase(Locale.FRENCH);
    }

    private static Eligibility yes(String explanation) {
        return new Eligibility(true, explanation);
    }

    private static Eligibility no(String explanation) {
        return new Eligibility(false, explanation);
    }
}
