package fr.academie.mail.rules;

import org.apache.jsieve.Argument;
import org.apache.jsieve.Arguments;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.comparators.ComparatorUtils;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.mail.MailAdapter;
import org.apache.jsieve.tests.ExecutableTest;

import java.util.List;
import java.util.Locale;

/**
 * {@code string [:comparator c] [:is|:contains|:matches] <source> <keys>} (RFC 5229 §5): whether one of the strings
 * (their variables replaced) matches one of the keys.
 */
final class StringTest implements ExecutableTest {

    @Override
    public boolean execute(MailAdapter mail, Arguments arguments, SieveContext context) throws SieveException {
        List<Argument> list = arguments.getArgumentList();
        String matchType = ":is";
        String comparator = "i;ascii-casemap";
        int i = 0;
        for (; i < list.size() && list.get(i) instanceof TagArgument tag; i++) {
            String name = tag.getTag().toLowerCase(Locale.ROOT);
            if (name.equals(":comparator")) {
                comparator = RelationalTest.single(list, ++i, context).toLowerCase(Locale.ROOT);
            } else if (List.of(":is", ":contains", ":matches").contains(name)) {
                matchType = name;
            } else {
                throw context.getCoordinate().syntaxException("Expecting string [:comparator] [match type] source keys");
            }
        }
        if (list.size() != i + 2 || !(list.get(i) instanceof StringListArgument sources)
                || !(list.get(i + 1) instanceof StringListArgument keys)) {
            throw context.getCoordinate().syntaxException("Expecting string [:comparator] [match type] source keys");
        }
        for (String source : sources.getList()) {
            for (String key : keys.getList()) {
                if (ComparatorUtils.match(comparator, matchType, source, key, context)) {
                    return true;
                }
            }
        }
        return false;
    }
}
