package fr.academie.mail.mime;

import java.util.Locale;

/** The priority headers mail clients write: X-Priority ("1 (Highest)" … "5 (Lowest)"), Importance, Priority. */
final class Priorities {

    private Priorities() {
    }

    static ParsedMessage.Priority ofXPriority(String value, ParsedMessage.Priority otherwise) {
        String digits = value == null ? "" : value.strip();
        if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))) {
            return otherwise;
        }
        return switch (digits.charAt(0)) {
            case '1', '2' -> ParsedMessage.Priority.HIGH;
            case '4', '5' -> ParsedMessage.Priority.LOW;
            default -> ParsedMessage.Priority.NORMAL;
        };
    }

    static ParsedMessage.Priority ofImportance(String value, ParsedMessage.Priority otherwise) {
        return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case "high", "urgent" -> ParsedMessage.Priority.HIGH;
            case "low", "non-urgent" -> ParsedMessage.Priority.LOW;
            case "normal" -> ParsedMessage.Priority.NORMAL;
            default -> otherwise;
        };
    }
}
