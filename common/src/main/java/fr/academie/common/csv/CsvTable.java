package fr.academie.common.csv;

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
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An import file as a spreadsheet exports it: CSV with a header line naming the columns, in any order and case,
 * accents or not; separated by semicolons (French Excel) or commas; UTF-8 or Windows-1252, with or without a
 * byte-order mark. Parsed with Apache Commons CSV (quotes, separators inside quotes). A file that cannot be read as
 * a table is refused whole with a French problem; what a cell says is the caller's to check, line by line.
 */
public final class CsvTable {

    /**
     * One data line: its number in the file (the header is line 1) and its cells, in the order of the layout's
     * columns (a file of 100,000 lines is held whole, so a line is an array, not a map).
     */
    public record Line(int number, List<String> columns, String[] cells) {

        /** The cell of the column, as the layout names it; null when empty or absent. */
        public String get(String column) {
            int index = columns.indexOf(column);
            return index < 0 ? null : cells[index];
        }
    }

    /** The columns a file may have, the ones it must have, and how many lines it may hold. */
    public record Layout(List<String> columns, List<String> required, int maxLines, String problemType) {
    }

    private CsvTable() {
    }

    public static List<Line> parse(byte[] content, Layout layout) {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String header = text.lines().findFirst().orElse("");
        if (header.isBlank()) {
            throw invalid(layout, "Le fichier est vide : sa première ligne doit nommer les colonnes ("
                    + String.join(";", layout.columns()) + ").");
        }
        char separator = header.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
        List<Integer> lineStarts = lineStarts(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> headerOfColumn = headers(parser.getHeaderNames(), layout);
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() == layout.maxLines()) {
                    throw invalid(layout, "Le fichier compte plus de " + layout.maxLines()
                            + " lignes : découpez-le en plusieurs imports.");
                }
                int number = Collections.binarySearch(lineStarts, start(text, (int) record.getCharacterPosition()));
                String[] cells = new String[layout.columns().size()];
                headerOfColumn.forEach((column, name) -> {
                    String value = record.isSet(name) ? record.get(name) : null;
                    cells[layout.columns().indexOf(column)] = value == null || value.isEmpty() ? null : value;
                });
                lines.add(new Line(number >= 0 ? number + 1 : -number - 1, layout.columns(), cells));
            }
            return lines;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw invalid(layout, "Le fichier n'est pas un CSV lisible (guillemet non refermé ?) : " + firstLine(e.getMessage()));
        }
    }

    /** A header as a column name: lower-case ASCII letters and digits only ("Date d'échelon" → "datedechelon"). */
    public static String columnName(String header) {
        String lower = header == null ? "" : header.strip().toLowerCase(Locale.FRENCH);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]", "");
    }

    /** Column → the header as written in the file; refuses unknown or missing columns. */
    private static Map<String, String> headers(List<String> headers, Layout layout) {
        Map<String, String> headerOfColumn = new LinkedHashMap<>();
        for (String header : headers) {
            String column = layout.columns().stream().filter(c -> columnName(c).equals(columnName(header))).findFirst()
                    .orElseThrow(() -> invalid(layout, "Colonne inconnue « " + header + " » : les colonnes possibles sont "
                            + String.join(", ", layout.columns()) + "."));
            headerOfColumn.put(column, header);
        }
        for (String required : layout.required()) {
            if (!headerOfColumn.containsKey(required)) {
                throw invalid(layout, "La colonne « " + required + " » manque : les colonnes " + enumerate(layout.required())
                        + " sont obligatoires.");
            }
        }
        return headerOfColumn;
    }

    /** "prenom, nom et numen". */
    private static String enumerate(List<String> words) {
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " et " + words.get(words.size() - 1);
    }

    /** Where a record's text starts: the parser counts the empty lines it skipped before it as part of it. */
    private static int start(String text, int position) {
        int start = position;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        return start;
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

    /** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel writes in France by default). */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static ProblemException invalid(Layout layout, String detail) {
        return ProblemException.invalid(layout.problemType(), "fichier", detail);
    }
}
