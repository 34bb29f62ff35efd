package fr.academie.colibris.export;

import com.fasterxml.jackson.databind.JsonNode;
import fr.academie.colibris.catalogue.RequestType;
import fr.academie.colibris.request.HrRequest;
import fr.academie.colibris.request.RequestStatus;
import fr.academie.common.date.FrenchDates;
import fr.academie.common.page.Cursor;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The requests of a type submitted in a period, as HR opens them in a spreadsheet: one line each, its number, status,
 * requester, school, where it stands and when, then the form's fields under their French titles. Semicolons and a
 * byte-order mark, as French Excel expects; dates in Paris time.
 */
@ApplicationScoped
public class RequestExport {

    private static final DateTimeFormatter PARIS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(FrenchDates.PARIS);
    private static final CSVFormat FRENCH_EXCEL = CSVFormat.EXCEL.builder().setDelimiter(';').get();
    private static final Map<RequestStatus, String> STATUS = Map.of(RequestStatus.DRAFT, "brouillon",
            RequestStatus.IN_REVIEW, "en cours d'examen", RequestStatus.RETURNED, "à compléter",
            RequestStatus.APPROVED, "acceptée", RequestStatus.REFUSED, "refusée", RequestStatus.WITHDRAWN, "retirée");
    private static final int BATCH = 1000;

    public String csv(RequestType type, Instant from, Instant to) {
        List<String> fields = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Numéro", "Type", "Statut", "Demandeur", "UAI", "Étape en cours",
                "Échéance", "Déposée le", "Décidée le"));
        JsonNode properties = type.definition.form().path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            fields.add(property.getKey());
            header.add(property.getValue().path("title").asText(property.getKey()));
        }
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, FRENCH_EXCEL)) {
            printer.printRecord(header);
            Parameters parameters = Parameters.with("type", type.code).and("draft", RequestStatus.DRAFT)
                    .and("from", from).and("to", to);
            String where = "type.code = :type and status <> :draft and submittedAt >= :from and submittedAt < :to";
            List<HrRequest> batch = HrRequest.<HrRequest>find(where + " order by submittedAt, id", parameters)
                    .range(0, BATCH - 1).list();
            while (!batch.isEmpty()) {
                for (HrRequest request : batch) {
                    printer.printRecord(line(request, fields));
                }
                HrRequest last = batch.get(batch.size() - 1);
                Panache.getEntityManager().clear(); // a long period: never the whole of it in memory
                new Cursor(last.submittedAt, last.id).parameters().forEach(parameters::and);
                batch = batch.size() < BATCH ? List.of() : HrRequest.<HrRequest>find(where + " and "
                        + Cursor.afterOldestFirst("submittedAt") + " order by submittedAt, id", parameters)
                        .range(0, BATCH - 1).list();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> line(HrRequest request, List<String> fields) {
        var step = request.currentStep();
        List<String> cells = new ArrayList<>(List.of(String.valueOf(request.number), request.type.label,
                STATUS.get(request.status), nullToEmpty(request.ownerName), nullToEmpty(request.uai),
                step == null ? "" : step.label(), time(request.dueAt), time(request.submittedAt),
                time(request.decidedAt)));
        for (String field : fields) {
            JsonNode value = request.form.path(field);
            cells.add(value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
        }
        return cells;
    }

    private static String time(Instant at) {
        return at == null ? "" : PARIS_TIME.format(at);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
