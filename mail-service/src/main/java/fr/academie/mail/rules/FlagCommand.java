package fr.academie.mail.rules;

import org.apache.jsieve.Arguments;
import org.apache.jsieve.Block;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.commands.AbstractCommand;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.mail.MailAdapter;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The commands of RFC 5232 (imap4flags) on the message's flags, without its variables: {@code setflag},
 * {@code addflag}, {@code removeflag} with a list of flags (several in a string, separated by spaces). What the flags
 * become is carried out by {@link RulesStep}: {@code \Seen} read, {@code \Flagged} followed, any other a label.
 */
abstract class FlagCommand extends AbstractCommand {

    /** Changes the message's flags (as written, compared without case) with those the command names. */
    abstract void change(Set<String> flags, List<String> named);

    @Override
    protected Object executeBasic(MailAdapter mail, Arguments arguments, Block block, SieveContext context) {
        List<String> named = ((StringListArgument) arguments.getArgumentList().get(0)).getList().stream()
                .flatMap(flags -> Arrays.stream(flags.strip().split("\\s+"))).filter(flag -> !flag.isEmpty()).toList();
        ArrivalMail arrival = (ArrivalMail) mail;
        change(arrival.flags(), named);
        arrival.flagsChangedAt(context.getCoordinate() == null ? 0 : context.getCoordinate().getStartLineNumber());
        return null;
    }

    @Override
    protected void validateArguments(Arguments arguments, SieveContext context) throws SieveException {
        if (arguments.getArgumentList().size() != 1 || !(arguments.getArgumentList().get(0) instanceof StringListArgument)) {
            throw context.getCoordinate().syntaxException("Expecting a list of flags");
        }
    }

    /** {@code setflag}: the flags become those named. */
    public static final class SetFlag extends FlagCommand {
        @Override
        void change(Set<String> flags, List<String> named) {
            flags.clear();
            add(flags, named);
        }
    }

    /** {@code addflag}: the named flags are added to the message's. */
    public static final class AddFlag extends FlagCommand {
        @Override
        void change(Set<String> flags, List<String> named) {
            add(flags, named);
        }
    }

    /** {@code removeflag}: the named flags are taken off. */
    public static final class RemoveFlag extends FlagCommand {
        @Override
        void change(Set<String> flags, List<String> named) {
            flags.removeIf(flag -> named.stream().anyMatch(flag::equalsIgnoreCase));
        }
    }

    private static void add(Set<String> flags, List<String> named) {
        for (String name : named) {
            if (flags.stream().noneMatch(name::equalsIgnoreCase)) {
                flags.add(name);
            }
        }
    }
}
