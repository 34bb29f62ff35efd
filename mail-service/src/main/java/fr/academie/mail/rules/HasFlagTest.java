package fr.academie.mail.rules;

import org.apache.jsieve.Arguments;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.mail.MailAdapter;
import org.apache.jsieve.tests.AbstractTest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * imap4flags' {@code hasflag [:is|:contains] <flags>} (RFC 5232 §5, without variables): whether the message's flags, as
 * the commands before it left them, include one of those named (several in a string, separated by spaces); without
 * case.
 */
final class HasFlagTest extends AbstractTest {

    @Override
    protected boolean executeBasic(MailAdapter mail, Arguments arguments, SieveContext context) {
        List<?> list = arguments.getArgumentList();
        boolean contains = list.size() == 2 && ((TagArgument) list.get(0)).is(":contains");
        List<String> named = ((StringListArgument) list.get(list.size() - 1)).getList().stream()
                .flatMap(flags -> Arrays.stream(flags.strip().split("\\s+"))).filter(flag -> !flag.isEmpty())
                .map(flag -> flag.toLowerCase(Locale.ROOT)).toList();
        return ((ArrivalMail) mail).flags().stream().map(flag -> flag.toLowerCase(Locale.ROOT))
                .anyMatch(flag -> named.stream().anyMatch(wanted -> contains ? flag.contains(wanted) : flag.equals(wanted)));
    }

    @Override
    protected void validateArguments(Arguments arguments, SieveContext context) throws SieveException {
        List<?> list = arguments.getArgumentList();
        boolean tagged = list.size() == 2 && list.get(0) instanceof TagArgument tag && (tag.is(":is") || tag.is(":contains"));
        if (!(list.size() == 1 || tagged) || !(list.get(list.size() - 1) instanceof StringListArgument)
                || arguments.hasTests()) {
            throw context.getCoordinate().syntaxException("hasflag takes [:is|:contains] and a list of flags");
        }
    }
}
