package fr.academie.iprof.imports;

import java.util.List;

/**
 * What an import did, or would do in a dry run: lines read, records created, updated, unchanged, lines skipped
 * for their errors (only when asked to skip them), and every error with its line and column.
 */
public record ImportReport(boolean dryRun, boolean applied, int lines, int created, int updated, int unchanged,
                           int skipped, List<LineError> errors) {

    /** A wrong cell (or line): its line in the file (the header is line 1), its column, and what is wrong, in French. */
    public record LineError(int line, String column, String message) {
    }
}
