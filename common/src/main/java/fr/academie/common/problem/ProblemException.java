package fr.academie.common.problem;

import java.util.List;

/**
 * A failure the caller can understand, turned into a problem+json response by {@link ProblemMapper}.
 * Services throw it (or name it through the factories) rather than building responses themselves.
 */
public class ProblemException extends RuntimeException {

    private final String type;
    private final String title;
    private final int status;
    private final String field;
    private final List<?> errors;

    public ProblemException(String type, String title, int status, String detail, String field) {
        this(type, title, status, detail, field, null);
    }

    /** A problem that lists what is wrong, item by item (the lines of a refused file). */
    public ProblemException(String type, String title, int status, String detail, String field, List<?> errors) {
        super(detail);
        this.errors = errors;
        this.type = type;
        this.title = title;
        this.status = status;
        this.field = field;
    }

    /** A resource that does not exist, or that belongs to someone else: the caller cannot tell the two apart. */
    public static ProblemException notFound(String type, String detail) {
        return new ProblemException(type, "Introuvable", 404, detail, null);
    }

    /** An address that matches no resource (or one that is not exposed). */
    public static ProblemException unknownAddress() {
        return notFound("urn:portail:not-found", "Cette adresse ne correspond à aucune ressource.");
    }

    /** No session, or one that has ended: the person must sign in (again). */
    public static ProblemException unauthenticated() {
        return new ProblemException("urn:portail:unauthenticated", "Connexion requise", 401,
                "Votre session a expiré ou vous n'êtes pas connecté. Reconnectez-vous pour continuer.", null);
    }

    /** Bad input in the named field. */
    public static ProblemException invalid(String type, String field, String detail) {
        return new ProblemException(type, "Requête invalide", 400, detail, field);
    }

    /** A request that clashes with the resource's current state (a change made meanwhile, a name taken...): 409. */
    public static ProblemException conflict(String type, String title, String detail, String field) {
        return new ProblemException(type, title, 409, detail, field);
    }

    /** Well-formed input that the rules refuse (a closed campaign, a missing piece...): 422, the field named. */
    public static ProblemException unprocessable(String type, String title, String detail, String field) {
        return new ProblemException(type, title, 422, detail, field);
    }

    /** The same, listing what is wrong item by item (the lines of a refused file). */
    public static ProblemException unprocessable(String type, String title, String detail, String field, List<?> errors) {
        return new ProblemException(type, title, 422, detail, field, errors);
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), field, null, errors);
    }

    public int status() {
        return status;
    }
}
