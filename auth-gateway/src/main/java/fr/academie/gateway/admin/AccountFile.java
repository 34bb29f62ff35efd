package fr.academie.gateway.admin;

import fr.academie.common.csv.CsvTable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import file of accounts ({@link CsvTable}): columns {@code prenom}, {@code nom}, {@code numen} (required) and
 * {@code date_naissance}, {@code uai}, {@code roles} (optional). Several roles in one cell are separated by spaces,
 * commas or {@code |}.
 */
final class AccountFile {

    static final int MAX_LINES = 5000;
    /** Column of the file → field of {@link NewAccount}. */
    static final Map<String, String> COLUMNS = columns();
    private static final CsvTable.Layout LAYOUT = new CsvTable.Layout(List.copyOf(COLUMNS.keySet()),
            List.of("prenom", "nom", "numen"), MAX_LINES, "urn:portail:gateway:invalid-import");

    /** One data line: its number in the file (the header is line 1) and the account it asks for. */
    record Line(int number, NewAccount account) {
    }

    private AccountFile() {
    }

    static List<Line> parse(byte[] content) {
        return CsvTable.parse(content, LAYOUT).stream().map(line -> new Line(line.number(), account(line))).toList();
    }

    /** The file's column name for a field, to name it in a report. */
    static String column(String field) {
        return COLUMNS.entrySet().stream().filter(entry -> entry.getValue().equals(field)).map(Map.Entry::getKey)
                .findFirst().orElse(field);
    }

    private static NewAccount account(CsvTable.Line line) {
        String roles = line.get("roles");
        return new NewAccount(line.get("prenom"), line.get("nom"), line.get("uai"), line.get("numen"),
                line.get("date_naissance"),
                roles == null ? List.of() : Arrays.asList(roles.split("[\\s,|+]+")));
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("prenom", "firstName");
        columns.put("nom", "lastName");
        columns.put("numen", "numen");
        columns.put("date_naissance", "birthDate");
        columns.put("uai", "uai");
        columns.put("roles", "roles");
        return columns;
    }
}
