package fr.academie.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem: a stable {@code type}, the HTTP status, a French {@code detail} a person can act on,
 * and the {@code field} at fault when the input was bad.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String incident) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
