package fr.academie.iprof.imports;

import fr.academie.common.csv.CsvTable;
import fr.academie.iprof.grid.Grid;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The grids file HR loads: one line per échelon of a grid version (corps, grade, date of effect). A version is
 * upserted whole: loading it again with other durations replaces its rows; a later date of effect adds a version.
 */
@ApplicationScoped
public class GridImport {

    static final CsvTable.Layout LAYOUT = new CsvTable.Layout(List.of("corps", "grade", "date_effet", "echelon",
            "duree_mois", "duree_acceleree_mois", "source"), List.of("corps", "grade", "date_effet", "echelon",
            "duree_mois", "source"), 10_000, "urn:portail:iprof:invalid-import");

    private record Version(String corps, String grade, LocalDate effectiveFrom) {
    }

    private record Step(int line, int echelon, Integer normalMonths, Integer acceleratedMonths, String source) {
    }

    // a whole académie's file takes longer than the default transaction timeout (60 s)
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ImportReport run(byte[] file, boolean dryRun, boolean skipInvalid) {
        List<CsvTable.Line> lines = CsvTable.parse(file, LAYOUT);
        List<ImportReport.LineError> errors = new ArrayList<>();
        Map<Version, List<Step>> versions = new LinkedHashMap<>();
        for (CsvTable.Line line : lines) {
            Cells cells = new Cells(line);
            Version version = new Version(cells.text("corps", true, 255), cells.text("grade", true, 255),
                    cells.date("date_effet", true));
            Step step = step(cells);
            errors.addAll(cells.errors);
            if (cells.errors.isEmpty()) {
                versions.computeIfAbsent(version, v -> new ArrayList<>()).add(step);
            }
        }
        versions.entrySet().removeIf(version -> !complete(version.getValue(), errors));
        if (!errors.isEmpty() && !dryRun && !skipInvalid) {
            throw Imports.refused(errors);
        }
        long existing = versions.keySet().stream().filter(GridImport::exists).count();
        if (!dryRun) {
            versions.forEach(GridImport::write);
        }
        int kept = versions.values().stream().mapToInt(List::size).sum();
        return new ImportReport(dryRun, !dryRun, lines.size(), versions.size() - (int) existing, (int) existing, 0,
                dryRun ? 0 : lines.size() - kept, errors);
    }

    private static Step step(Cells cells) {
        Integer echelon = cells.integer("echelon", true, 1, 20);
        Integer normal = cells.integer("duree_mois", false, 1, 240);
        Integer accelerated = cells.integer("duree_acceleree_mois", false, 1, 240);
        String source = cells.text("source", true, 500);
        if (accelerated != null && (normal == null || accelerated >= normal)) {
            cells.error("duree_acceleree_mois", "La durée accélérée doit être plus courte que la durée normale.");
        }
        return cells.errors.isEmpty() ? new Step(cells.number(), echelon, normal, accelerated, source) : null;
    }

    private static boolean exists(Version version) {
        return Grid.count("corps = ?1 and grade = ?2 and effectiveFrom = ?3", version.corps(), version.grade(),
                version.effectiveFrom()) > 0;
    }

    /** A version runs from the 1st échelon to its last, one line each, only the last without a duration. */
    private static boolean complete(List<Step> steps, List<ImportReport.LineError> errors) {
        steps.sort((a, b) -> Integer.compare(a.echelon(), b.echelon()));
        int first = steps.get(0).line();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            String wrong = step.echelon() != i + 1 ? "Les échelons de cette grille doivent se suivre à partir du 1er : le "
                    + (i + 1) + "e manque ou figure deux fois."
                    : last && step.normalMonths() != null ? "Le dernier échelon de la grille n'a pas de durée : laissez duree_mois vide."
                    : !last && step.normalMonths() == null ? "Seul le dernier échelon de la grille est sans durée."
                    : null;
            if (wrong != null) {
                errors.add(new ImportReport.LineError(step.line(), "echelon", wrong + " (grille de la ligne " + first + ")"));
                return false;
            }
        }
        return true;
    }

    private static void write(Version version, List<Step> steps) {
        Grid grid = Grid.<Grid>find("corps = ?1 and grade = ?2 and effectiveFrom = ?3", version.corps(), version.grade(),
                version.effectiveFrom()).firstResultOptional().orElseGet(() -> {
                    Grid created = new Grid();
                    created.id = UUID.randomUUID();
                    created.corps = version.corps();
                    created.grade = version.grade();
                    created.effectiveFrom = version.effectiveFrom();
                    return created;
                });
        grid.source = steps.get(0).source();
        grid.steps.clear();
        for (Step step : steps) {
            Grid.Step row = new Grid.Step();
            row.echelon = step.echelon();
            row.normalMonths = step.normalMonths();
            row.acceleratedMonths = step.acceleratedMonths();
            grid.steps.add(row);
        }
        grid.persist();
    }
}
