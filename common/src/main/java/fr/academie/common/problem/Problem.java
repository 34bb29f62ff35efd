package fr.academie.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem: a stable {@code type}, the HTTP status, a French {@code detail} a person can act on,
 * the {@code field} at fault when the input was bad, and, for a refused file, its {@code errors} line by line
 * (an extension member).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String incident,
                      List<?> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The header that repeats a 5xx problem's incident reference, for the gateway's log. */
    public static final String INCIDENT_HEADER = "X-Portail-Incident";
    /** The message of a body parameter's {@code @NotNull}: a call without a body. */
    public static final String NO_BODY = "le corps de la requête est obligatoire";

    public Problem(String type, String title, int status, String detail, String field, String incident) {
        this(type, title, status, detail, field, incident, null);
    }
}
