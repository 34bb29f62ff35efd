package fr.academie.colibris.export;

import fr.academie.colibris.catalogue.Catalogue;
import fr.academie.colibris.catalogue.RequestType;
import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.ProblemException;
import fr.academie.common.realm.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** HR's export: the requests of a type submitted between two dates (Paris, both included), as a CSV file. */
@Path("/export")
@RolesAllowed(Roles.HR)
public class ExportResource {

    private final Catalogue catalogue;
    private final RequestExport export;

    public ExportResource(Catalogue catalogue, RequestExport export) {
        this.catalogue = catalogue;
        this.export = export;
    }

    @GET
    @Produces("text/csv")
    public Response csv(@QueryParam("type") String typeCode, @QueryParam("from") String from,
                        @QueryParam("to") String to) {
        RequestType type = catalogue.type(typeCode).orElseThrow(() -> ProblemException.invalid(
                "urn:portail:colibris:unknown-type", "type", "Choisissez le type de démarche à exporter, parmi ceux du catalogue."));
        LocalDate first = date(from, "from", "la date de début");
        LocalDate last = date(to, "to", "la date de fin");
        if (last.isBefore(first)) {
            throw ProblemException.invalid("urn:portail:colibris:invalid-period", "to",
                    "La date de fin doit être le même jour que la date de début, ou après.");
        }
        String csv = export.csv(type, first.atStartOfDay(FrenchDates.PARIS).toInstant(),
                last.plusDays(1).atStartOfDay(FrenchDates.PARIS).toInstant());
        return Response.ok(csv, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"colibris-" + type.code + "-" + first + "-" + last + ".csv\"").build();
    }

    private static LocalDate date(String value, String field, String what) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("urn:portail:colibris:invalid-period", field,
                    "Indiquez " + what + " de la période, au format AAAA-MM-JJ.");
        }
    }
}
