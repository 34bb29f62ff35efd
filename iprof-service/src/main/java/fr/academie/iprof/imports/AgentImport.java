package fr.academie.iprof.imports;

import fr.academie.common.csv.CsvTable;
import fr.academie.iprof.agent.Agent;
import fr.academie.iprof.agent.CareerData;
import fr.academie.iprof.agent.CareerUpdates;
import fr.academie.iprof.shared.Paris;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The agents file HR loads: one line per agent, upserted on the académie identifier (the same file twice changes
 * nothing the second time). All or nothing: one bad line and nothing is written, unless HR chooses to skip bad lines.
 */
@ApplicationScoped
public class AgentImport {

    static final CsvTable.Layout LAYOUT = new CsvTable.Layout(List.of("identifiant", "nom", "prenom", "statut", "corps",
            "discipline", "grade", "echelon", "date_echelon", "indice_majore", "uai", "etablissement", "commune",
            "date_affectation"), List.of("identifiant", "nom", "prenom", "corps", "grade", "echelon", "date_echelon"),
            100_000, "urn:portail:iprof:invalid-import");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9]{1,63}", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS = Pattern.compile("titulaire|stagiaire|contractuel");
    private static final Pattern UAI = Pattern.compile("[0-9]{7}[A-Z]");
    /** Rows written between two flushes of the persistence context, to keep a large import's memory flat. */
    private static final int CHUNK = 500;

    private final CareerUpdates updates;
    private final Paris paris;

    public AgentImport(CareerUpdates updates, Paris paris) {
        this.updates = updates;
        this.paris = paris;
    }

    // a whole académie's file takes longer than the default transaction timeout (60 s)
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ImportReport run(byte[] file, boolean dryRun, boolean skipInvalid) {
        // the table grows by thousands of rows within this transaction: a plan cached while it was small (a scan of
        // the whole table for each chunk's lookup) would make the import quadratic; plan each lookup afresh
        Agent.getEntityManager().createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        List<CsvTable.Line> lines = CsvTable.parse(file, LAYOUT);
        List<ImportReport.LineError> errors = new ArrayList<>();
        List<CareerData> rows = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (CsvTable.Line line : lines) {
            Cells cells = new Cells(line);
            CareerData data = read(cells);
            if (data != null && firstLineOf.putIfAbsent(data.identifier(), line.number()) != null) {
                cells.error("identifiant", "Identifiant en double : déjà ligne " + firstLineOf.get(data.identifier()) + ".");
            }
            errors.addAll(cells.errors);
            if (cells.errors.isEmpty()) {
                rows.add(data);
            }
        }
        if (!errors.isEmpty() && !dryRun && !skipInvalid) {
            throw Imports.refused(errors);
        }
        Map<CareerUpdates.Outcome, Integer> counts = write(rows, dryRun);
        int skipped = lines.size() - rows.size();
        return new ImportReport(dryRun, !dryRun, lines.size(), counts.get(CareerUpdates.Outcome.CREATED),
                counts.get(CareerUpdates.Outcome.UPDATED), counts.get(CareerUpdates.Outcome.UNCHANGED),
                dryRun ? 0 : skipped, errors);
    }

    /** Writes (or, in a dry run, only compares) the rows, chunk by chunk. */
    private Map<CareerUpdates.Outcome, Integer> write(List<CareerData> rows, boolean dryRun) {
        Map<CareerUpdates.Outcome, Integer> counts = new EnumMap<>(CareerUpdates.Outcome.class);
        for (CareerUpdates.Outcome outcome : CareerUpdates.Outcome.values()) {
            counts.put(outcome, 0);
        }
        Instant now = paris.now();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<CareerData> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            Map<String, Agent> existing = Agent.<Agent>list("identifier in ?1",
                            chunk.stream().map(CareerData::identifier).toList()).stream()
                    .collect(Collectors.toMap(agent -> agent.identifier, Function.identity()));
            for (CareerData data : chunk) {
                Agent agent = existing.get(data.identifier());
                CareerUpdates.Outcome outcome = dryRun ? CareerUpdates.outcome(agent, data) : updates.apply(agent, data, now);
                counts.merge(outcome, 1, Integer::sum);
            }
            Agent.getEntityManager().flush();
            Agent.getEntityManager().clear();
        }
        return counts;
    }

    /** The line's career data, or null when a cell is wrong (each wrong cell is reported). */
    private static CareerData read(Cells cells) {
        String identifier = cells.matching("identifiant", true, IDENTIFIER,
                "lettres minuscules et chiffres, comme lmartin ou lmartin2");
        String lastName = cells.text("nom", true, 255);
        String firstName = cells.text("prenom", true, 255);
        String status = cells.matching("statut", false, STATUS, "titulaire, stagiaire ou contractuel");
        String corps = cells.text("corps", true, 255);
        String discipline = cells.text("discipline", false, 255);
        String grade = cells.text("grade", true, 255);
        Integer echelon = cells.integer("echelon", true, 1, 11);
        LocalDate echelonSince = cells.date("date_echelon", true);
        Integer indice = cells.integer("indice_majore", false, 1, 2000);
        CareerData.School school = school(cells);
        return cells.errors.isEmpty()
                ? new CareerData(identifier.toLowerCase(Locale.ROOT), lastName, firstName, status == null ? "titulaire" : status, corps, discipline,
                grade, echelon, echelonSince, indice, school)
                : null;
    }

    private static CareerData.School school(Cells cells) {
        String uai = cells.matching("uai", false, UAI, "7 chiffres et une lettre majuscule, comme 0450042K");
        String name = cells.text("etablissement", false, 255);
        String commune = cells.text("commune", false, 255);
        LocalDate since = cells.date("date_affectation", false);
        if (!cells.has("uai")) {
            if (name != null || since != null) {
                cells.error("uai", "L'UAI de l'établissement manque alors qu'une affectation est indiquée.");
            }
            return null;
        }
        if (name == null) {
            cells.error("etablissement", "Le nom de l'établissement est obligatoire avec une UAI.");
        }
        if (since == null && !cells.has("date_affectation")) {
            cells.error("date_affectation", "La date d'affectation est obligatoire avec une UAI.");
        }
        return new CareerData.School(uai, name, commune, since);
    }
}
