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
 * {@code rename_attachments [:type <types>] "<pattern>"}, of our extension {@code vnd.portail}: the attachments (of
 * those types: "pdf", "application/pdf") are shown and downloaded under a name made from the pattern
 * ({@link AttachmentNames}). Carried out by {@link RulesStep}; the message's bytes stay as received.
 */
final class RenameCommand extends AbstractActionCommand {

    /** What the script asked: the types (none: every attachment) and the pattern. */
    record Rename(List<String> types, String pattern) implements Action {
    }

    @Override
    protected Object executeBasic(MailAdapter mail, Arguments arguments, Block block, SieveContext context) {
        List<?> list = arguments.getArgumentList();
        List<String> types = list.size() == 3 ? ((StringListArgument) list.get(1)).getList() : List.of();
        mail.addAction(new Rename(types, ((StringListArgument) list.get(list.size() - 1)).getList().get(0)));
        return null;
    }

    @Override
    protected void validateArguments(Arguments arguments, SieveContext context) throws SieveException {
        List<?> list = arguments.getArgumentList();
        boolean typed = list.size() == 3 && list.get(0) instanceof TagArgument tag && tag.is(":type")
                && list.get(1) instanceof StringListArgument;
        if (!(list.size() == 1 || typed) || !(list.get(list.size() - 1) instanceof StringListArgument pattern)
                || pattern.getList().size() != 1) {
            throw context.getCoordinate().syntaxException("rename_attachments takes [:type <types>] and a pattern");
        }
    }
}
