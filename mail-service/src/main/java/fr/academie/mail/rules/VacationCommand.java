package fr.academie.mail.rules;

import org.apache.jsieve.Arguments;
import org.apache.jsieve.Block;
import org.apache.jsieve.NumberArgument;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.commands.AbstractActionCommand;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.exception.SyntaxException;
import org.apache.jsieve.mail.Action;
import org.apache.jsieve.mail.MailAdapter;

import java.util.List;
import java.util.Locale;

/**
 * {@code vacation [:days n] [:subject s] [:from a] [:addresses [...]] [:handle h] "reason"} (RFC 5230): an automatic
 * answer, given by the same responder as the page's auto-reply. {@code :mime} (a reason that is a MIME entity) is not
 * taken. Carried out by {@link RulesStep}.
 */
final class VacationCommand extends AbstractActionCommand {

    /** What the script asked; {@code days} as written (0: not given), null where a tag was not given. */
    record Vacation(int days, String subject, String from, List<String> addresses, String handle, String reason)
            implements Action {
    }

    @Override
    protected Object executeBasic(MailAdapter mail, Arguments arguments, Block block, SieveContext context)
            throws SieveException {
        mail.addAction(read(arguments.getArgumentList(), context));
        return null;
    }

    @Override
    protected void validateArguments(Arguments arguments, SieveContext context) throws SieveException {
        read(arguments.getArgumentList(), context);
    }

    private static Vacation read(List<?> list, SieveContext context) throws SyntaxException {
        int days = 0;
        String subject = null;
        String from = null;
        String handle = null;
        List<String> addresses = List.of();
        int i = 0;
        for (; i < list.size() - 1; i++) {
            if (!(list.get(i) instanceof TagArgument tag)) {
                throw wrong(context);
            }
            Object value = list.get(++i);
            switch (tag.getTag().toLowerCase(Locale.ROOT)) {
                case ":days" -> days = value instanceof NumberArgument number ? number.getInteger() : -1;
                case ":subject" -> subject = single(value, context);
                case ":from" -> from = single(value, context);
                case ":handle" -> handle = single(value, context);
                case ":addresses" -> addresses = value instanceof StringListArgument strings ? strings.getList() : null;
                default -> throw wrong(context);
            }
            if (days < 0 || addresses == null) {
                throw wrong(context);
            }
        }
        if (i != list.size() - 1) {
            throw wrong(context);
        }
        return new Vacation(days, subject, from, addresses, handle, single(list.get(i), context));
    }

    private static String single(Object argument, SieveContext context) throws SyntaxException {
        if (argument instanceof StringListArgument strings && strings.getList().size() == 1) {
            return strings.getList().get(0);
        }
        throw wrong(context);
    }

    private static SyntaxException wrong(SieveContext context) {
        return context.getCoordinate().syntaxException("Expecting vacation's tags (RFC 5230) and a reason");
    }
}
