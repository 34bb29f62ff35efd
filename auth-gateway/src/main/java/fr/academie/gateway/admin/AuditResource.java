package fr.academie.gateway.admin;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.common.realm.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code /api/admin/audit}: what the administrators did, newest first, filtered by administrator, account, action
 * and a range of days ({@code from}/{@code to} inclusive, dates in Europe/Paris).
 */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public Page<AuditLog.View> list(@QueryParam("actor") String actor, @QueryParam("target") String target,
                                    @QueryParam("action") String action, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        AuditLog.Filter filter = new AuditLog.Filter(blankToNull(actor), blankToNull(target), action(action),
                first == null ? null : first.atStartOfDay(PARIS).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(PARIS).toInstant());
        return audit.list(filter, Cursor.limit(limit), Cursor.decode(cursor));
    }

    private static AuditAction action(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalid("urn:portail:gateway:unknown-action", "action", "L'action « " + value
                    + " » n'existe pas (actions possibles : " + String.join(", ",
                    Arrays.stream(AuditAction.values()).map(Enum::name).toList()) + ").");
        }
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("urn:portail:gateway:invalid-date", field,
                    "La date « " + value + " » est invalide : écrivez-la AAAA-MM-JJ (ex. 2026-11-30).");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
