package fr.academie.gateway.admin;

import fr.academie.common.problem.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import file of accounts, as a spreadsheet exports it: CSV with a header line naming the columns {@code prenom},
 * {@code nom}, {@code numen} (required) and {@code uai}, {@code roles} (optional), in any order and case, accents
 * or not; separated by semicolons (French Excel) or commas; UTF-8 or Windows-1252. Several roles in one cell are
 * separated by spaces, commas or {@code |}. Parsed with Apache Commons CSV (quotes, separators inside quotes).
 */
final class AccountFile {

    static final int MAX_LINES = 5000;
    /** Column of the file → field of {@link NewAccount}. */
    static final Map<String, String> COLUMNS = columns();

    /** One data line: its number in the file (the header is line 1) and the account it asks for. */
    record Line(int number, NewAccount account) {
    }

    private AccountFile() {
    }

    static List<Line> parse(byte[] content) {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String header = text.lines().findFirst().orElse("");
        if (header.isBlank()) {
            throw invalid("Le fichier est vide : sa première ligne doit nommer les colonnes (prenom;nom;numen;uai;roles).");
        }
        char separator = header.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
        List<Integer> lineStarts = lineStarts(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> columnOfField = fields(parser.getHeaderNames());
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() == MAX_LINES) {
                    throw invalid("Le fichier compte plus de " + MAX_LINES + " lignes : découpez-le en plusieurs imports.");
                }
                int number = Collections.binarySearch(lineStarts, (int) record.getCharacterPosition());
                lines.add(new Line(number >= 0 ? number + 1 : -number - 1, account(record, columnOfField)));
            }
            return lines;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw invalid("Le fichier n'est pas un CSV lisible (guillemet non refermé ?) : " + firstLine(e.getMessage()));
        }
    }

    /** Where each line of the text starts (line 1 at 0). */
    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    /** The file's column name for a field, to name it in a report. */
    static String column(String field) {
        return COLUMNS.entrySet().stream().filter(entry -> entry.getValue().equals(field)).map(Map.Entry::getKey)
                .findFirst().orElse(field);
    }

    private static NewAccount account(CSVRecord record, Map<String, String> columnOfField) {
        Map<String, String> values = new LinkedHashMap<>();
        columnOfField.forEach((field, column) -> values.put(field, record.isSet(column) ? record.get(column) : null));
        String roles = values.get("roles");
        return new NewAccount(values.get("firstName"), values.get("lastName"), values.get("uai"), values.get("numen"),
                roles == null ? List.of() : Arrays.asList(roles.split("[\\s,|+]+")));
    }

    /** Field → the header as written in the file; refuses unknown or missing columns. */
    private static Map<String, String> fields(List<String> headers) {
        Map<String, String> columnOfField = new LinkedHashMap<>();
        for (String header : headers) {
            String field = COLUMNS.get(Identifiers.letters(header, ""));
            if (field == null) {
                throw invalid("Colonne inconnue « " + header + " » : les colonnes possibles sont "
                        + String.join(", ", COLUMNS.keySet()) + ".");
            }
            columnOfField.put(field, header);
        }
        for (String required : List.of("prenom", "nom", "numen")) {
            if (!columnOfField.containsKey(COLUMNS.get(required))) {
                throw invalid("La colonne « " + required + " » manque : les colonnes prenom, nom et numen sont obligatoires.");
            }
        }
        return columnOfField;
    }

    /** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel writes in France by default). */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("prenom", "firstName");
        columns.put("nom", "lastName");
        columns.put("numen", "numen");
        columns.put("uai", "uai");
        columns.put("roles", "roles");
        return columns;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.invalid("urn:portail:gateway:invalid-import", "fichier", detail);
    }
}
