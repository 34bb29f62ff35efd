package fr.academie.common.csv;

import fr.academie.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {

    static final CsvTable.Layout LAYOUT = new CsvTable.Layout(List.of("identifiant", "nom", "date_echelon"),
            List.of("identifiant", "nom"), 3, "urn:test:invalid-import");

    private static List<CsvTable.Line> parse(String text) {
        return CsvTable.parse(text.getBytes(StandardCharsets.UTF_8), LAYOUT);
    }

    @Test
    void headersAreMatchedWhateverTheirCaseAccentsSpacesAndOrder() {
        List<CsvTable.Line> lines = parse("\uFEFFDate échelon;NOM;Identifiant\n01/09/2025;Lefèvre;zlefevre\n");
        assertEquals("zlefevre", lines.get(0).get("identifiant"));
        assertEquals("Lefèvre", lines.get(0).get("nom"));
        assertEquals("01/09/2025", lines.get(0).get("date_echelon"));
        assertEquals("dateechelon", CsvTable.columnName(" Date_Échelon "));
    }

    @Test
    void eachLineKeepsItsNumberInTheFileEvenAfterAQuotedLineBreakOrAnEmptyLine() {
        List<CsvTable.Line> lines = parse("identifiant,nom\na,\"Dupont\nde la Tour\"\n\nb,Martin\n");
        assertEquals(2, lines.get(0).number());
        assertEquals("Dupont\nde la Tour", lines.get(0).get("nom"));
        assertEquals(5, lines.get(1).number());
    }

    @Test
    void anEmptyCellAndAnAbsentColumnAreBothNull() {
        CsvTable.Line line = parse("identifiant;nom\na;\n").get(0);
        assertNull(line.get("nom"));
        assertNull(line.get("date_echelon"));
        assertNull(line.get("pas-une-colonne"));
    }

    @Test
    void aWindowsSpreadsheetIsReadAsWindows1252() {
        byte[] file = "identifiant;nom\nzl;Lefèvre\n".getBytes(Charset.forName("windows-1252"));
        assertEquals("Lefèvre", CsvTable.parse(file, LAYOUT).get(0).get("nom"));
    }

    @Test
    void aFileThatIsNotTheExpectedTableIsRefusedWhole() {
        assertTrue(refused("").startsWith("Le fichier est vide"));
        assertTrue(refused("identifiant;nom;age\n").startsWith("Colonne inconnue « age »"));
        assertEquals("La colonne « nom » manque : les colonnes identifiant et nom sont obligatoires.",
                refused("identifiant\n"));
        assertTrue(refused("identifiant;nom\na;b\nc;d\ne;f\ng;h\n").startsWith("Le fichier compte plus de 3 lignes"));
        assertTrue(refused("identifiant;nom\n\"a;b\n").contains("n'est pas un CSV lisible"));
    }

    private static String refused(String text) {
        ProblemException problem = assertThrows(ProblemException.class, () -> parse(text));
        assertEquals("fichier", problem.toProblem().field());
        return problem.getMessage();
    }
}
