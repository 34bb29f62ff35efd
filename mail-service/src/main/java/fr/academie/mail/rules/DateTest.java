package fr.academie.mail.rules;

import fr.academie.common.date.FrenchDates;
import org.apache.jsieve.Argument;
import org.apache.jsieve.Arguments;
import org.apache.jsieve.SieveContext;
import org.apache.jsieve.StringListArgument;
import org.apache.jsieve.TagArgument;
import org.apache.jsieve.comparators.ComparatorUtils;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.exception.SyntaxException;
import org.apache.jsieve.mail.MailAdapter;
import org.apache.jsieve.tests.ExecutableTest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 5260's {@code date [:zone z|:originalzone] <header> <date-part> <keys>} and {@code currentdate [:zone z]
 * <date-part> <keys>}, with the match types {@code :is}, {@code :contains}, {@code :matches} and relational's
 * {@code :value}/{@code :count}: "currentdate :value "ge" "date" "2026-12-18"" holds from that day, in Paris time
 * unless a zone is given. A header date is read as RFC 5322 writes it (the text after the last ";" of a Received:).
 */
final class DateTest implements ExecutableTest {

    private static final DateTimeFormatter STD11 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final Pattern ZONE = Pattern.compile("[+-]\\d{4}");
    private static final LocalDate JULIAN_ORIGIN = LocalDate.of(1858, 11, 17);

    private final boolean current;

    DateTest(boolean current) {
        this.current = current;
    }

    /** What the arguments ask. */
    private record Asked(String matchType, String operator, String comparator, String zone, boolean originalZone,
                         String header, String part, List<String> keys) {
    }

    @Override
    public boolean execute(MailAdapter mail, Arguments arguments, SieveContext context) throws SieveException {
        Asked asked = read(arguments.getArgumentList(), context);
        List<String> values = new ArrayList<>();
        if (current) {
            values.add(part(ZonedDateTime.now(asked.zone() == null ? FrenchDates.PARIS : ZoneOffset.of(asked.zone())),
                    asked.part(), context));
        } else {
            for (String field : mail.getMatchingHeader(asked.header())) {
                Optional<ZonedDateTime> date = parse(field);
                if (date.isPresent()) {
                    ZonedDateTime at = asked.originalZone() ? date.get() : date.get().withZoneSameInstant(asked.zone() == null
                            ? FrenchDates.PARIS : ZoneOffset.of(asked.zone()));
                    values.add(part(at, asked.part(), context));
                }
            }
        }
        if (asked.matchType().equals(":count")) {
            String count = String.valueOf(values.size());
            return asked.keys().stream().anyMatch(key -> RelationalTest.holds(
                    RelationalTest.compare(count, key, asked.comparator()), asked.operator()));
        }
        for (String value : values) {
            for (String key : asked.keys()) {
                if (asked.matchType().equals(":value") ? RelationalTest.holds(RelationalTest.compare(value, key,
                        asked.comparator()), asked.operator())
                        : ComparatorUtils.match(asked.comparator(), asked.matchType(), value, key, context)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Asked read(List<Argument> list, SieveContext context) throws SyntaxException {
        String matchType = ":is";
        String operator = null;
        String comparator = "i;ascii-casemap";
        String zone = null;
        boolean originalZone = false;
        int i = 0;
        for (; i < list.size() && list.get(i) instanceof TagArgument tag; i++) {
            String name = tag.getTag().toLowerCase(Locale.ROOT);
            switch (name) {
                case ":is", ":contains", ":matches" -> matchType = name;
                case ":value", ":count" -> {
                    matchType = name;
                    operator = RelationalTest.single(list, ++i, context).toLowerCase(Locale.ROOT);
                }
                case ":comparator" -> comparator = RelationalTest.single(list, ++i, context).toLowerCase(Locale.ROOT);
                case ":zone" -> zone = RelationalTest.single(list, ++i, context);
                case ":originalzone" -> originalZone = !current;
                default -> throw wrong(context);
            }
        }
        int rest = current ? 2 : 3;
        boolean relational = matchType.equals(":value") || matchType.equals(":count");
        if (list.size() != i + rest || relational && !RelationalTest.OPERATORS.contains(operator)
                || zone != null && !ZONE.matcher(zone).matches()) {
            throw wrong(context);
        }
        String header = current ? null : RelationalTest.single(list, i++, context);
        String part = RelationalTest.single(list, i++, context).toLowerCase(Locale.ROOT);
        if (!(list.get(i) instanceof StringListArgument keys)) {
            throw wrong(context);
        }
        return new Asked(matchType, operator, comparator, zone, originalZone, header, part, keys.getList());
    }

    /** The date part as RFC 5260 §4.2 writes it. */
    private static String part(ZonedDateTime at, String part, SieveContext context) throws SyntaxException {
        return switch (part) {
            case "year" -> String.format("%04d", at.getYear());
            case "month" -> String.format("%02d", at.getMonthValue());
            case "day" -> String.format("%02d", at.getDayOfMonth());
            case "date" -> at.toLocalDate().toString();
            case "julian" -> String.valueOf(ChronoUnit.DAYS.between(JULIAN_ORIGIN, at.toLocalDate()));
            case "hour" -> String.format("%02d", at.getHour());
            case "minute" -> String.format("%02d", at.getMinute());
            case "second" -> String.format("%02d", at.getSecond());
            case "time" -> String.format("%02d:%02d:%02d", at.getHour(), at.getMinute(), at.getSecond());
            case "iso8601" -> at.truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime().toString();
            case "std11" -> STD11.format(at);
            case "zone" -> at.getOffset().getId().equals("Z") ? "+0000" : at.getOffset().getId().replace(":", "");
            case "weekday" -> String.valueOf(at.getDayOfWeek().getValue() % 7);
            default -> throw context.getCoordinate().syntaxException("Unknown date part " + part);
        };
    }

    /** A date as RFC 5322 writes it ("Thu, 3 Dec 2026 10:00:00 +0100 (CET)"), after the last ";" of a Received:. */
    static Optional<ZonedDateTime> parse(String field) {
        String text = field.substring(field.lastIndexOf(';') + 1).replaceAll("\\([^)]*\\)", " ").strip()
                .replaceAll("\\s+", " ");
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static SyntaxException wrong(SieveContext context) {
        return context.getCoordinate().syntaxException("Expecting the arguments of RFC 5260's date or currentdate");
    }
}
