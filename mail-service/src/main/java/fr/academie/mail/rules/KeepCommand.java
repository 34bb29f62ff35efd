package fr.academie.mail.rules;

import org.apache.jsieve.Arguments;
import org.apache.jsieve.Block;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.commands.AbstractActionCommand;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.exception.SyntaxException;
import org.apache.jsieve.mail.ActionFileInto;
import org.apache.jsieve.mail.ActionKeep;
import org.apache.jsieve.mail.MailAdapter;

import java.util.Arrays;
import java.util.List;

/**
 * {@code fileinto [:flags <flags>] "folder"} and {@code keep [:flags <flags>]} (RFC 5228 §4.1, §4.3, RFC 5232 §5):
 * jSieve's own know no {@code :flags}. A message is in one folder here, so {@code :flags} gives the message its flags
 * (as {@code setflag} would), and {@code fileinto :copy} (RFC 3894), which would keep a second copy, is refused.
 */
final class KeepCommand extends AbstractActionCommand {

    private final boolean fileInto;

    KeepCommand(boolean fileInto) {
        this.fileInto = fileInto;
    }

    @Override
    protected Object executeBasic(MailAdapter mail, Arguments arguments, Block block, SieveContext context)
            throws SieveException {
        List<?> list = arguments.getArgumentList();
        int flags = flagsAt(list, context);
        if (flags >= 0) {
            ArrivalMail arrival = (ArrivalMail) mail;
            arrival.flags().clear();
            ((StringListArgument) list.get(flags)).getList().stream().flatMap(f -> Arrays.stream(f.strip().split("\\s+")))
                    .filter(flag -> !flag.isEmpty()).forEach(arrival.flags()::add);
            arrival.flagsChangedAt(context.getCoordinate() == null ? 0 : context.getCoordinate().getStartLineNumber());
        }
        mail.addAction(fileInto ? new ActionFileInto(((StringListArgument) list.get(list.size() - 1)).getList().get(0))
                : new ActionKeep());
        return null;
    }

    @Override
    protected void validateArguments(Arguments arguments, SieveContext context) throws SieveException {
        List<?> list = arguments.getArgumentList();
        int flags = flagsAt(list, context);
        int expected = (flags >= 0 ? 2 : 0) + (fileInto ? 1 : 0);
        if (list.size() != expected || fileInto && !(list.get(list.size() - 1) instanceof StringListArgument folder
                && folder.getList().size() == 1)) {
            throw context.getCoordinate().syntaxException("Expecting " + (fileInto ? "fileinto [:flags <flags>] \"folder\""
                    : "keep [:flags <flags>]"));
        }
    }

    /** Where the list of {@code :flags} is; -1 without. {@code :copy}, or another tag, is a syntax error. */
    private static int flagsAt(List<?> list, SieveContext context) throws SyntaxException {
        if (!list.isEmpty() && list.get(0) instanceof TagArgument tag) {
            if (tag.is(":flags") && list.size() > 1 && list.get(1) instanceof StringListArgument) {
                return 1;
            }
            throw context.getCoordinate().syntaxException(tag.is(":copy") ? "fileinto :copy would keep a second copy"
                    : "Unexpected tag " + tag.getTag());
        }
        return -1;
    }
}
