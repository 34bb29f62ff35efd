package fr.academie.mail.rules;

import org.apache.jsieve.Arguments;
import org.apache.jsieve.Block;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.commands.AbstractActionCommand;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.mail.Action;
import org.apache.jsieve.mail.MailAdapter;

import java.util.List;

/**
 * {@code redirect [:copy] "address"} (RFC 5228 §4.2, RFC 3894): forwards the message; without {@code :copy} it also
 * cancels the implicit keep. jSieve's own redirect knows no {@code :copy}. Carried out by {@link RulesStep}.
 */
final class RedirectCommand extends AbstractActionCommand {

    /** A forward the script asked. */
    record Redirection(String address, boolean copy) implements Action {
    }

    @Override
    protected Object executeBasic(MailAdapter mail, Arguments arguments, Block block, SieveContext context) {
        List<?> list = arguments.getArgumentList();
        String address = ((StringListArgument) list.get(list.size() - 1)).getList().get(0);
        mail.addAction(new Redirection(address.strip(), list.size() == 2));
        return null;
    }

    @Override
    protected void validateArguments(Arguments arguments, SieveContext context) throws SieveException {
        List<?> list = arguments.getArgumentList();
        boolean tagged = list.size() == 2 && list.get(0) instanceof TagArgument tag && tag.getTag().equalsIgnoreCase(":copy");
        if (!(list.size() == 1 || tagged) || !(list.get(list.size() - 1) instanceof StringListArgument address)
                || address.getList().size() != 1) {
            throw context.getCoordinate().syntaxException("Expecting [:copy] and one address");
        }
    }
}
