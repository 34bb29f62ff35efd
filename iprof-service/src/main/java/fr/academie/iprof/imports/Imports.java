package fr.academie.iprof.imports;

import fr.academie.common.problem.ProblemException;

import java.util.List;

/** The refusal of a whole file. */
final class Imports {

    private Imports() {
    }

    /** All or nothing: a file with bad lines is refused whole, every bad line listed. */
    static ProblemException refused(List<ImportReport.LineError> errors) {
        long lines = errors.stream().mapToInt(ImportReport.LineError::line).distinct().count();
        return ProblemException.unprocessable("urn:portail:iprof:import-refused", "Fichier refusé",
                "Le fichier compte " + lines + (lines == 1 ? " ligne" : " lignes") + " en erreur : rien n'a été importé. "
                        + "Corrigez-les, ou importez en ignorant les lignes en erreur.", "fichier", errors);
    }
}
