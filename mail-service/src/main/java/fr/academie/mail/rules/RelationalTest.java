package fr.academie.mail.rules;

import org.apache.jsieve.Argument;
import org.apache.jsieve.Arguments;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.exception.SyntaxException;
import org.apache.jsieve.mail.MailAdapter;
import org.apache.jsieve.mail.optional.EnvelopeAccessors;
import org.apache.jsieve.tests.ExecutableTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The match types of RFC 5231 (relational) for {@code header}, {@code address} and {@code envelope}: {@code :value "gt"}
 * compares each value with the keys, {@code :count "ge"} the number of values; by {@code :comparator
 * "i;ascii-numeric"} (RFC 4790: the leading digits as a number, a value without any as infinity), {@code "i;octet"} or
 * the default {@code "i;ascii-casemap"}. Without those match types the test is jSieve's own, which knows none of them.
 */
final class RelationalTest implements ExecutableTest {

    enum On { HEADER, ADDRESS, ENVELOPE }

    static final Set<String> OPERATORS = Set.of("gt", "ge", "lt", "le", "eq", "ne");

    private final On on;
    private final ExecutableTest jsieve;

    RelationalTest(On on, ExecutableTest jsieve) {
        this.on = on;
        this.jsieve = jsieve;
    }

    /** What the arguments ask: the match type and operator, the comparator, the address part, names and keys. */
    private record Asked(boolean count, String operator, String comparator, String part, List<String> names,
                         List<String> keys) {
    }

    @Override
    public boolean execute(MailAdapter mail, Arguments arguments, SieveContext context) throws SieveException {
        List<Argument> list = arguments.getArgumentList();
        boolean relational = list.stream().anyMatch(a -> a instanceof TagArgument tag && (tag.is(":value") || tag.is(":count")));
        if (!relational) {
            return jsieve.execute(mail, arguments, context);
        }
        Asked asked = read(list, context);
        List<String> values = new ArrayList<>();
        for (String name : asked.names()) {
            values.addAll(values(mail, name, asked.part()));
        }
        if (asked.count()) {
            String count = String.valueOf(values.size());
            return asked.keys().stream().anyMatch(key -> holds(compare(count, key, asked.comparator()), asked.operator()));
        }
        return values.stream().anyMatch(value -> asked.keys().stream()
                .anyMatch(key -> holds(compare(value, key, asked.comparator()), asked.operator())));
    }

    private List<String> values(MailAdapter mail, String name, String part) throws SieveException {
        List<String> values = new ArrayList<>();
        if (on == On.HEADER) {
            return mail.getMatchingHeader(name);
        }
        List<String> addresses = new ArrayList<>();
        if (on == On.ENVELOPE) {
            addresses.addAll(((EnvelopeAccessors) mail).getMatchingEnvelope(name));
        } else {
            for (MailAdapter.Address address : mail.parseAddresses(name)) {
                addresses.add(address.getLocalPart() + "@" + address.getDomain());
            }
        }
        for (String address : addresses) {
            int at = address.lastIndexOf('@');
            values.add(part.equals(":localpart") ? (at < 0 ? address : address.substring(0, at))
                    : part.equals(":domain") ? (at < 0 ? "" : address.substring(at + 1)) : address);
        }
        return values;
    }

    private Asked read(List<Argument> list, SieveContext context) throws SyntaxException {
        boolean count = false;
        String operator = null;
        String comparator = "i;ascii-casemap";
        String part = ":all";
        int i = 0;
        for (; i < list.size() && list.get(i) instanceof TagArgument tag; i++) {
            if (tag.is(":value") || tag.is(":count")) {
                count = tag.is(":count");
                operator = single(list, ++i, context).toLowerCase(Locale.ROOT);
            } else if (tag.is(":comparator")) {
                comparator = single(list, ++i, context).toLowerCase(Locale.ROOT);
            } else if (on != On.HEADER && (tag.is(":all") || tag.is(":localpart") || tag.is(":domain"))) {
                part = tag.getTag().toLowerCase(Locale.ROOT);
            } else {
                throw wrong(context);
            }
        }
        if (!OPERATORS.contains(operator) || !Set.of("i;ascii-numeric", "i;ascii-casemap", "i;octet").contains(comparator)
                || list.size() != i + 2 || !(list.get(i) instanceof StringListArgument names)
                || !(list.get(i + 1) instanceof StringListArgument keys)) {
            throw wrong(context);
        }
        return new Asked(count, operator, comparator, part, names.getList(), keys.getList());
    }

    /** The argument at {@code i}, a list of one string (":comparator "i;octet""); a syntax error otherwise. */
    static String single(List<Argument> list, int i, SieveContext context) throws SyntaxException {
        if (i < list.size() && list.get(i) instanceof StringListArgument strings && strings.getList().size() == 1) {
            return strings.getList().get(0);
        }
        throw wrong(context);
    }

    private static SyntaxException wrong(SieveContext context) {
        return context.getCoordinate().syntaxException("Expecting :value or :count with gt, ge, lt, le, eq or ne (RFC 5231)");
    }

    /** The value against the key by the comparator: negative, zero or positive. */
    static int compare(String value, String key, String comparator) {
        return switch (comparator) {
            case "i;ascii-numeric" -> {
                BigInteger a = number(value);
                BigInteger b = number(key);
                yield a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b);
            }
            case "i;octet" -> value.compareTo(key);
            default -> asciiLower(value).compareTo(asciiLower(key));
        };
    }

    /** i;ascii-casemap: A to Z as a to z, nothing else changed. */
    private static String asciiLower(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        text.chars().forEach(c -> lower.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c)));
        return lower.toString();
    }

    /** The number the leading digits write; null (infinity) when there are none. */
    private static BigInteger number(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return end == 0 ? null : new BigInteger(text.substring(0, Math.min(end, 1000)));
    }

    /** Whether the comparison (negative, zero, positive) satisfies the operator: gt, ge, lt, le, eq, ne. */
    static boolean holds(int comparison, String operator) {
        return switch (operator) {
            case "gt" -> comparison > 0;
            case "ge" -> comparison >= 0;
            case "lt" -> comparison < 0;
            case "le" -> comparison <= 0;
            case "eq" -> comparison == 0;
            default -> comparison != 0;
        };
    }
}
