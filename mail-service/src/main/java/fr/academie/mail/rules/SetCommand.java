package fr.academie.mail.rules;

import org.apache.jsieve.Arguments;
import org.apache.jsieve.Block;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.commands.AbstractCommand;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.mail.MailAdapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code set [:lower|:upper] [:lowerfirst|:upperfirst] [:quotewildcard] [:length] "name" "value"} (RFC 5229 §4):
 * the modifiers applied from the highest precedence down (§4.1).
 */
final class SetCommand extends AbstractCommand {

    private static final Map<String, Integer> PRECEDENCE = Map.of(":lower", 40, ":upper", 40, ":lowerfirst", 30,
            ":upperfirst", 30, ":quotewildcard", 20, ":length", 10);

    @Override
    protected Object executeBasic(MailAdapter mail, Arguments arguments, Block block, SieveContext context) {
        List<?> list = arguments.getArgumentList();
        List<String> modifiers = new ArrayList<>();
        for (Object argument : list.subList(0, list.size() - 2)) {
            modifiers.add(((TagArgument) argument).getTag().toLowerCase(Locale.ROOT));
        }
        modifiers.sort((a, b) -> PRECEDENCE.get(b) - PRECEDENCE.get(a));
        String value = ((StringListArgument) list.get(list.size() - 1)).getList().get(0);
        for (String modifier : modifiers) {
            value = switch (modifier) {
                case ":lower" -> value.toLowerCase(Locale.ROOT);
                case ":upper" -> value.toUpperCase(Locale.ROOT);
                case ":lowerfirst" -> value.isEmpty() ? value : value.substring(0, 1).toLowerCase(Locale.ROOT) + value.substring(1);
                case ":upperfirst" -> value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
                case ":quotewildcard" -> value.replaceAll("([*?\\\\])", "\\\\$1");
                default -> String.valueOf(value.codePointCount(0, value.length()));
            };
        }
        ((ArrivalMail) mail).set(((StringListArgument) list.get(list.size() - 2)).getList().get(0), value);
        return null;
    }

    @Override
    protected void validateArguments(Arguments arguments, SieveContext context) throws SieveException {
        List<?> list = arguments.getArgumentList();
        boolean valid = list.size() >= 2 && list.get(list.size() - 1) instanceof StringListArgument value
                && value.getList().size() == 1 && list.get(list.size() - 2) instanceof StringListArgument name
                && name.getList().size() == 1 && name.getList().get(0).matches("[A-Za-z_][A-Za-z0-9_]*")
                && list.subList(0, list.size() - 2).stream().allMatch(a -> a instanceof TagArgument tag
                && PRECEDENCE.containsKey(tag.getTag().toLowerCase(Locale.ROOT)));
        if (!valid) {
            throw context.getCoordinate().syntaxException("Expecting set [modifiers] \"name\" \"value\" (RFC 5229)");
        }
    }
}
