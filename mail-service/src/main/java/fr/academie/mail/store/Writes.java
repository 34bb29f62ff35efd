package fr.academie.mail.store;

import fr.academie.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.function.Supplier;

/** Writing now what the transaction changed, so that a unique index's refusal becomes a clear problem here. */
public final class Writes {

    private Writes() {
    }

    /** Flushes; a unique constraint violated on the way becomes the problem given (a 409 naming the field). */
    public static void flushUnique(Supplier<ProblemException> taken) {
        try {
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw taken.get();
            }
            throw e;
        }
    }
}
