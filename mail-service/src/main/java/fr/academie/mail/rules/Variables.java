package fr.academie.mail.rules;

import org.apache.jsieve.Argument;
import org.apache.jsieve.Arguments;
import org.apache.jsieve.ExecutableCommand;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.mail.MailAdapter;
import org.apache.jsieve.tests.ExecutableTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 5229 (variables), around jSieve's commands and tests, which know none: once a script requires "variables", every
 * string a command or test receives has its {@code ${name}} replaced by the value {@code set} gave (empty when none;
 * the match variables {@code ${1}}… are not kept, so they are empty too).
 */
final class Variables {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+)}");

    private Variables() {
    }

    /** The command, seeing strings with their variables replaced; {@code require "variables"} turns that on. */
    static ExecutableCommand around(String name, ExecutableCommand command) {
        return (mail, arguments, block, context) -> {
            if (name.equalsIgnoreCase("require") && mail instanceof ArrivalMail arrival && arguments.getArgumentList()
                    .stream().anyMatch(a -> a instanceof StringListArgument s && s.getList().contains("variables"))) {
                arrival.useVariables();
            }
            return command.execute(mail, replaced(mail, arguments), block, context);
        };
    }

    static ExecutableTest around(ExecutableTest test) {
        return (mail, arguments, context) -> test.execute(mail, replaced(mail, arguments), context);
    }

    private static Arguments replaced(MailAdapter mail, Arguments arguments) {
        if (!(mail instanceof ArrivalMail arrival) || !arrival.usesVariables()) {
            return arguments;
        }
        List<Argument> replaced = new ArrayList<>();
        for (Argument argument : arguments.getArgumentList()) {
            replaced.add(argument instanceof StringListArgument strings ? new StringListArgument(strings.getList().stream()
                    .map(text -> replace(text, arrival.variables())).toList()) : argument);
        }
        return new Arguments(replaced, arguments.getTestList());
    }

    /** The text with each {@code ${name}} replaced by its value (names without case). */
    static String replace(String text, Map<String, String> values) {
        Matcher reference = REFERENCE.matcher(text);
        return reference.replaceAll(found -> Matcher.quoteReplacement(
                values.getOrDefault(found.group(1).toLowerCase(Locale.ROOT), "")));
    }
}
