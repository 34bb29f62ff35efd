package fr.academie.gateway.alert;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What every message the gateway drops in a mailbox shares: the greeting, the French date, the signature. */
final class Letters {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm",
            Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));
    static final String SIGNATURE = "Ce message est envoyé automatiquement par le portail agents de l'académie "
            + "d'Orléans-Tours.";

    private Letters() {
    }

    static String greeting(String firstName) {
        return "Bonjour" + (firstName == null || firstName.isBlank() ? "" : " " + firstName) + ",";
    }

    /** "lundi 30 novembre 2026 à 08h15", in Paris time. */
    static String when(long epochMillis) {
        return WHEN.format(Instant.ofEpochMilli(epochMillis));
    }
}
