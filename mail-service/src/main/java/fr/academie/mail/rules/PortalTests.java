package fr.academie.mail.rules;

import org.apache.jsieve.Argument;
import org.apache.jsieve.Arguments;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.mail.MailAdapter;
import org.apache.jsieve.tests.AbstractTest;

import java.util.List;

/**
 * The tests of our {@code vnd.portail} extension, for what Sieve cannot say: {@code attachment [:type <types>]} holds
 * when the message has an attachment (of one of the types: a file extension "pdf" or a media type
 * "application/pdf"); {@code portal_message} holds for a notification of the portal's own services.
 */
abstract class PortalTests extends AbstractTest {

    /** {@code attachment}, {@code attachment :type ["pdf", "image/png"]}. */
    static final class Attachment extends PortalTests {

        @Override
        protected boolean executeBasic(MailAdapter mail, Arguments arguments, SieveContext context) {
            List<Argument> list = arguments.getArgumentList();
            List<String> types = list.isEmpty() ? List.of() : ((StringListArgument) list.get(1)).getList();
            return ((ArrivalMail) mail).hasAttachment(types);
        }

        @Override
        protected void validateArguments(Arguments arguments, SieveContext context) throws SieveException {
            List<Argument> list = arguments.getArgumentList();
            boolean typed = list.size() == 2 && list.get(0) instanceof TagArgument tag && tag.is(":type")
                    && list.get(1) instanceof StringListArgument;
            if (!list.isEmpty() && !typed || arguments.hasTests()) {
                throw context.getCoordinate().syntaxException("attachment takes nothing, or :type and a list of types");
            }
        }
    }

    /** {@code portal_message}. */
    static final class PortalMessage extends PortalTests {

        @Override
        protected boolean executeBasic(MailAdapter mail, Arguments arguments, SieveContext context) {
            return ((ArrivalMail) mail).fromPortal();
        }
    }
}
