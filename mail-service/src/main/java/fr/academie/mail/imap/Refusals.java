package fr.academie.mail.imap;

import fr.academie.common.problem.ProblemException;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxExistsException;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.exception.OverQuotaException;

import java.util.Optional;

/**
 * The services' refusals as James' mailbox exceptions, so that its processors answer NO (and {@code [OVERQUOTA]},
 * {@code [ALREADYEXISTS]}) instead of dropping the connection; the French words go with them for the person to read.
 */
final class Refusals {

    private Refusals() {
    }

    static MailboxException of(ProblemException problem) {
        MailboxException refusal = switch (problem.toProblem().type()) {
            case "urn:portail:mail:quota-exceeded" -> new OverQuotaException(problem.getMessage(), null, null);
            case "urn:portail:mail:folder-name-taken" -> new MailboxExistsException(problem.getMessage());
            case "urn:portail:mail:folder-not-found" -> new MailboxNotFoundException(problem.getMessage());
            default -> new MailboxException(problem.getMessage());
        };
        refusal.initCause(problem);
        return refusal;
    }

    /**
     * What the person should read of a failure, when one of our services refused the command (none otherwise), in the
     * ASCII an IMAP answer's text is made of: accents dropped, French quotes made straight ("dossier systeme").
     */
    static Optional<String> words(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                String plain = Keywords.unaccented(problem.getMessage()).replaceAll("«[\\s\u00a0\u202f]*", "\"")
                        .replaceAll("[\\s\u00a0\u202f]*»", "\"").replace('’', '\'').replace('\u00a0', ' ');
                return Optional.of(plain.chars().map(c -> c < 0x7f && c >= ' ' ? c : '?')
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
            }
        }
        return Optional.empty();
    }
}
