package fr.academie.colibris.request;

/**
 * What happens to a request that someone is told of, fired as a CDI event inside the change's transaction: the
 * letters written for it (package {@code notification}) commit with the change, or not at all. The request's code so
 * never calls the letters', which read the request.
 */
public sealed interface RequestNews {

    /** An entry of the request's history (submitted, decided, returned...). */
    record Moved(HrRequest request, RequestEvent event) implements RequestNews {
    }

    /** A message of the exchanges (never a private note). */
    record MessageWritten(HrRequest request, RequestMessage message) implements RequestNews {
    }

    /** A decider asked a colleague for an opinion. */
    record OpinionAsked(Opinion opinion) implements RequestNews {
    }

    /** The colleague gave it. */
    record OpinionGiven(Opinion opinion) implements RequestNews {
    }
}
