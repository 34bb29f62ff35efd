package fr.academie.iprof.imports;

import fr.academie.common.csv.CsvTable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the cells of one line, collecting what is wrong with each instead of stopping at the first. */
final class Cells {

    // strict: 31/02 is an error, not the last day of February
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final CsvTable.Line line;
    final List<ImportReport.LineError> errors = new ArrayList<>();

    Cells(CsvTable.Line line) {
        this.line = line;
    }

    int number() {
        return line.number();
    }

    boolean has(String column) {
        return line.get(column) != null;
    }

    void error(String column, String message) {
        errors.add(new ImportReport.LineError(line.number(), column, message));
    }

    /** The cell, or null; an error when it is required and empty, or longer than {@code max}. */
    String text(String column, boolean required, int max) {
        String value = line.get(column);
        if (value == null && required) {
            error(column, "Valeur obligatoire manquante.");
        } else if (value != null && value.length() > max) {
            error(column, max + " caractères au plus.");
            return null;
        }
        return value;
    }

    /** The cell if it matches, else null with an error saying what was expected. */
    String matching(String column, boolean required, Pattern pattern, String expected) {
        String value = text(column, required, 255);
        if (value != null && !pattern.matcher(value).matches()) {
            error(column, "« " + value + " » n'est pas valide : " + expected + ".");
            return null;
        }
        return value;
    }

    Integer integer(String column, boolean required, int min, int max) {
        String value = text(column, required, 20);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(column, "« " + value + " » n'est pas un nombre entier entre " + min + " et " + max + ".");
        return null;
    }

    /** A date written 2025-09-01 or 01/09/2025. */
    LocalDate date(String column, boolean required) {
        String value = text(column, required, 20);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(column, "« " + value + " » n'est pas une date valide (JJ/MM/AAAA ou AAAA-MM-JJ).");
            return null;
        }
    }
}
