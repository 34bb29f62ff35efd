package fr.academie.mail.rules;

import fr.academie.mail.forwarding.Forward;
import fr.academie.mail.rules.Rule.Action;
import fr.academie.mail.rules.Rule.Condition;
import fr.academie.mail.rules.Rule.Field;
import fr.academie.mail.rules.Rule.Kind;
import fr.academie.mail.rules.Rule.Match;
import fr.academie.mail.rules.Rule.Operator;
import org.apache.jsieve.NumberArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.parser.generated.ASTargument;
import org.apache.jsieve.parser.generated.ASTblock;
import org.apache.jsieve.parser.generated.ASTcommand;
import org.apache.jsieve.parser.generated.ASTcommand;
import org.apache.jsieve.parser.generated.ASTstring_list;
import org.apache.jsieve.parser.generated.ASTtest;
import org.apache.jsieve.parser.generated.ASTtest_list;
import org.apache.jsieve.parser.generated.Node;
import org.apache.jsieve.parser.generated.SimpleNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a parsed script back into the editor's rules when every command of it is one the editor can show: what
 * {@link RuleWriter} writes, and the same shapes written by hand or by Roundcube. Anything else (an {@code else},
 * a nested {@code if}, a test the editor has no words for) leaves the script to the advanced tab: empty.
 */
final class RuleReader {

    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule:\\s*\\[(.{0,200})]\\s*$");

    private RuleReader() {
    }

    /** A parsed argument: a tag (":contains"), a number, a string list, or tests. */
    private record Argument(String tag, Integer number, List<String> strings, List<SimpleNode> tests) {
    }

    /** Thrown inside, caught once: the script says something the editor cannot show. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    static Optional<List<Rule>> read(Node start) {
        try {
            List<Rule> rules = new ArrayList<>();
            Node commands = start.jjtGetChild(0);
            for (int i = 0; i < commands.jjtGetNumChildren(); i++) {
                SimpleNode command = (SimpleNode) commands.jjtGetChild(i);
                String name = lower(command.getName());
                if (name.equals("if")) {
                    rules.add(rule(command));
                } else if (!name.equals("require")) {
                    return Optional.empty();
                }
            }
            return Optional.of(rules);
        } catch (Unreadable | ClassCastException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The rule's name, from the {@code # rule:[...]} comment above it; null without one. */
    private static String name(SimpleNode command) {
        String name = null;
        for (String comment : command.getPrecedingComments()) {
            Matcher matcher = RULE_NAME.matcher(comment);
            if (matcher.matches()) {
                name = matcher.group(1).strip();
            }
        }
        return name;
    }

    private static Rule rule(SimpleNode command) {
        String name = name(command);
        if (command.jjtGetNumChildren() != 2 || !(command.jjtGetChild(1) instanceof ASTblock block)) {
            throw new Unreadable();
        }
        List<Argument> arguments = arguments(command);
        if (arguments.size() != 1 || arguments.get(0).tests() == null || arguments.get(0).tests().size() != 1) {
            throw new Unreadable();
        }
        SimpleNode test = arguments.get(0).tests().get(0);
        boolean enabled = true;
        if (is(test, "allof") && !tests(test).isEmpty() && is(tests(test).get(0), "false")) {
            enabled = false;
            List<SimpleNode> rest = tests(test).subList(1, tests(test).size());
            test = rest.size() == 1 ? rest.get(0) : null;
            if (test == null) {
                return new Rule(name, false, Match.ALL, conditions(rest), actions(block));
            }
        }
        if (is(test, "true")) {
            return new Rule(name, enabled, Match.ALL, List.of(), actions(block));
        }
        if (is(test, "allof") || is(test, "anyof")) {
            return new Rule(name, enabled, is(test, "anyof") ? Match.ANY : Match.ALL, conditions(tests(test)), actions(block));
        }
        return new Rule(name, enabled, Match.ALL, conditions(List.of(test)), actions(block));
    }

    private static List<Condition> conditions(List<SimpleNode> tests) {
        if (tests.isEmpty()) {
            throw new Unreadable();
        }
        return tests.stream().map(RuleReader::condition).toList();
    }

    private static Condition condition(SimpleNode test) {
        boolean not = is(test, "not");
        if (not) {
            test = arguments(test).get(0).tests().get(0);
        }
        List<Argument> arguments = arguments(test);
        String name = lower(test.getName());
        Condition condition = switch (name) {
            case "header", "address" -> compared(name, arguments);
            case "exists" -> arguments.size() == 1 && strings(arguments, 0).stream().map(RuleReader::lower).toList()
                    .equals(List.of("list-id"))
                    ? new Condition(Field.LIST, Operator.CONTAINS, "") : null;
            case "size" -> arguments.size() == 2 && (":over".equals(arguments.get(0).tag()) || ":under".equals(arguments.get(0).tag()))
                    && arguments.get(1).number() != null && arguments.get(1).number() % 1024 == 0
                    ? new Condition(Field.SIZE, ":over".equals(arguments.get(0).tag()) ? Operator.OVER : Operator.UNDER,
                    String.valueOf(arguments.get(1).number() / 1024)) : null;
            case "attachment" -> arguments.isEmpty() ? new Condition(Field.ATTACHMENT, null, null)
                    : arguments.size() == 2 && ":type".equals(arguments.get(0).tag()) && strings(arguments, 1).size() == 1
                    ? new Condition(Field.ATTACHMENT_TYPE, null, strings(arguments, 1).get(0)) : null;
            case "portal_message" -> arguments.isEmpty() ? new Condition(Field.PORTAL, null, null) : null;
            default -> null;
        };
        if (condition == null || not && (condition.operator() != Operator.CONTAINS || condition.value().isEmpty())) {
            throw new Unreadable(); // the editor says "does not contain", and nothing else, in the negative
        }
        return not ? new Condition(condition.field(), Operator.NOT_CONTAINS, condition.value()) : condition;
    }

    /** header/address with :contains or :is, on the fields the editor knows. */
    private static Condition compared(String test, List<Argument> arguments) {
        if (arguments.size() != 3 || arguments.get(0).tag() == null) {
            return null;
        }
        String comparison = lower(arguments.get(0).tag());
        List<String> fields = strings(arguments, 1).stream().map(RuleReader::lower).sorted().toList();
        List<String> values = strings(arguments, 2);
        if (values.size() != 1 || !comparison.equals(":contains") && !comparison.equals(":is")) {
            return null;
        }
        String value = values.get(0);
        Operator operator = comparison.equals(":is") ? Operator.IS : Operator.CONTAINS;
        if (fields.equals(List.of("authentication-results")) && test.equals("header") && operator == Operator.CONTAINS) {
            String result = lower(value);
            return result.equals("dmarc=pass") ? new Condition(Field.AUTHENTICATION, Operator.PASSES, null)
                    : result.equals("dmarc=fail") ? new Condition(Field.AUTHENTICATION, Operator.FAILS, null) : null;
        }
        Field field = fields.equals(List.of("from")) ? Field.FROM : fields.equals(List.of("cc", "to")) ? Field.TO_CC
                : fields.equals(List.of("subject")) && test.equals("header") ? Field.SUBJECT
                : fields.equals(List.of("list-id")) && test.equals("header") ? Field.LIST : null;
        return field == null ? null : new Condition(field, operator, value);
    }

    private static List<Action> actions(ASTblock block) {
        List<Action> actions = new ArrayList<>();
        Node commands = block.jjtGetChild(0);
        for (int i = 0; i < commands.jjtGetNumChildren(); i++) {
            SimpleNode command = (SimpleNode) commands.jjtGetChild(i);
            List<Argument> arguments = arguments(command);
            switch (lower(command.getName())) {
                case "fileinto" -> actions.add(new Action(Kind.MOVE, single(arguments)));
                case "addflag" -> Arrays.stream(single(arguments).strip().split("\\s+"))
                        .map(flag -> flag.equalsIgnoreCase("\\Seen") ? new Action(Kind.MARK_READ, null)
                                : flag.equalsIgnoreCase("\\Flagged") ? new Action(Kind.FLAG, null)
                                : flag.startsWith("\\") ? null : new Action(Kind.LABEL, flag))
                        .forEach(action -> actions.add(readable(action)));
                case "stop" -> actions.add(new Action(Kind.STOP, null));
                case "redirect" -> actions.add(redirect(arguments));
                case "rename_attachments" -> actions.add(renamePdf(arguments));
                default -> throw new Unreadable();
            }
        }
        if (actions.isEmpty()) {
            throw new Unreadable();
        }
        return actions;
    }

    /** {@code redirect ["copy"] "address"}: a forward, keeping a copy with {@code :copy} (RFC 3894). */
    private static Action redirect(List<Argument> arguments) {
        boolean copy = !arguments.isEmpty() && ":copy".equalsIgnoreCase(arguments.get(0).tag());
        return new Action(Kind.FORWARD, single(copy ? arguments.subList(1, arguments.size()) : arguments), copy);
    }

    /** {@code rename_attachments :type "pdf" "pattern"}: the editor's RENAME_PDF (other types: the advanced tab). */
    private static Action renamePdf(List<Argument> arguments) {
        if (arguments.size() != 3 || !":type".equalsIgnoreCase(arguments.get(0).tag())
                || !List.of("pdf").equals(strings(arguments, 1).stream().map(RuleReader::lower).toList())) {
            throw new Unreadable();
        }
        return new Action(Kind.RENAME_PDF, single(arguments.subList(2, 3)));
    }

    /**
     * Every forward of the script, wherever it is (the advanced tab may nest them): its rule (the name above the
     * top-level command it is in), address, copy, line, and whether that rule is on (not {@code allof (false, ...)}).
     */
    static List<Forward> forwards(Node start) {
        List<Forward> forwards = new ArrayList<>();
        Node commands = start.jjtGetChild(0);
        for (int i = 0; i < commands.jjtGetNumChildren(); i++) {
            SimpleNode command = (SimpleNode) commands.jjtGetChild(i);
            collect(command, name(command), !off(command), forwards);
        }
        return forwards;
    }

    private static void collect(Node node, String rule, boolean enabled, List<Forward> forwards) {
        if (node instanceof ASTcommand command && lower(command.getName()).equals("redirect")) {
            List<Argument> arguments = arguments(command);
            boolean copy = arguments.stream().anyMatch(argument -> ":copy".equalsIgnoreCase(argument.tag()));
            arguments.stream().filter(argument -> argument.strings() != null).flatMap(argument -> argument.strings().stream())
                    .forEach(address -> forwards.add(new Forward(rule, address, copy, enabled,
                            command.getCoordinate() == null ? 0 : command.getCoordinate().getStartLineNumber())));
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            collect(node.jjtGetChild(i), rule, enabled, forwards);
        }
    }

    /** A rule that is off: {@code if allof (false, ...)}, as {@link RuleWriter} writes it. */
    private static boolean off(SimpleNode command) {
        if (!lower(command.getName()).equals("if")) {
            return false;
        }
        try {
            SimpleNode test = (SimpleNode) arguments(command).get(0).tests().get(0);
            return is(test, "allof") && is(tests(test).get(0), "false");
        } catch (RuntimeException unexpected) {
            return false;
        }
    }

    private static String single(List<Argument> arguments) {
        if (arguments.size() != 1 || arguments.get(0).strings() == null || arguments.get(0).strings().size() != 1) {
            throw new Unreadable();
        }
        return arguments.get(0).strings().get(0);
    }

    private static Action readable(Action action) {
        if (action == null) {
            throw new Unreadable();
        }
        return action;
    }

    private static List<Argument> arguments(SimpleNode node) {
        List<Argument> arguments = new ArrayList<>();
        Node list = node.jjtGetChild(0);
        for (int i = 0; i < list.jjtGetNumChildren(); i++) {
            SimpleNode child = (SimpleNode) list.jjtGetChild(i);
            if (child instanceof ASTtest test) {
                arguments.add(new Argument(null, null, null, List.of(test)));
            } else if (child instanceof ASTtest_list tests) {
                List<SimpleNode> each = new ArrayList<>();
                for (int j = 0; j < tests.jjtGetNumChildren(); j++) {
                    each.add((SimpleNode) tests.jjtGetChild(j));
                }
                arguments.add(new Argument(null, null, null, each));
            } else if (child instanceof ASTargument argument) {
                arguments.add(argument(argument));
            }
        }
        return arguments;
    }

    private static Argument argument(ASTargument argument) {
        Object value = argument.getValue();
        if (value instanceof TagArgument tag) {
            return new Argument(tag.getTag(), null, null, null);
        }
        if (value instanceof NumberArgument number) {
            return new Argument(null, number.getInteger(), null, null);
        }
        ASTstring_list list = (ASTstring_list) argument.jjtGetChild(0);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < list.jjtGetNumChildren(); i++) {
            strings.add((String) ((SimpleNode) list.jjtGetChild(i)).getValue());
        }
        return new Argument(null, null, strings, null);
    }

    private static List<SimpleNode> tests(SimpleNode test) {
        List<Argument> arguments = arguments(test);
        if (arguments.size() != 1 || arguments.get(0).tests() == null) {
            throw new Unreadable();
        }
        return arguments.get(0).tests();
    }

    private static List<String> strings(List<Argument> arguments, int index) {
        if (arguments.size() <= index || arguments.get(index).strings() == null) {
            throw new Unreadable();
        }
        return arguments.get(index).strings();
    }

    private static boolean is(SimpleNode test, String name) {
        return test != null && lower(test.getName()).equals(name);
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
