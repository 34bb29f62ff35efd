package fr.academie.mail.rules;

import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.forwarding.Forward;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jsieve.CommandManager;
import org.apache.jsieve.ConfigurationManager;
import org.apache.jsieve.ExecutableCommand;
import org.apache.jsieve.SieveFactory;
import org.apache.jsieve.TestManager;
import org.apache.jsieve.exception.LookupException;
import org.apache.jsieve.exception.SieveException;
import org.apache.jsieve.parser.generated.Node;
import org.apache.jsieve.parser.generated.ParseException;
import org.apache.jsieve.parser.generated.Token;
import org.apache.jsieve.tests.Address;
import org.apache.jsieve.tests.ExecutableTest;
import org.apache.jsieve.tests.Header;
import org.apache.jsieve.tests.optional.Envelope;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Apache jSieve, set up with the commands and tests that delivery carries out — ours where jSieve has none or too
 * little: imap4flags, redirect with copy, vacation, variables, relational, date and vnd.portail — parsing each
 * distinct script once. A script that does not parse is {@link Invalid}, with its line and a French sentence.
 */
@ApplicationScoped
public class SieveEngine {

    /**
     * Our extension (README, "Rules"): the tests {@code attachment} and {@code portal_message}, the action
     * {@code rename_attachments}.
     */
    static final String PORTAIL = "vnd.portail";
    /** jSieve's commands that delivery does not carry out yet: a script requiring them is refused, not half-run. */
    private static final Set<String> COMMANDS_NOT_YET = Set.of("reject", "log");
    private static final int REMEMBERED_AT_MOST = 10_000;
    /** jSieve's validator names what it does not know: "Command named 'classer' not mapped." */
    private static final Pattern NAMED = Pattern.compile("named '([^']{1,60})'");
    /** jSieve's place in a script: "… Line 3 column 5." */
    private static final Pattern AT = Pattern.compile("Line (\\d{1,6}) column (\\d{1,6})");
    /** jSieve's require: "Feature \"x\" is not supported." */
    private static final Pattern FEATURE = Pattern.compile("Feature \"([^\"]{1,60})\"");

    private final SieveFactory factory;
    private final Map<String, Node> parsed = new ConcurrentHashMap<>();

    public SieveEngine() {
        try {
            ConfigurationManager configuration = new ConfigurationManager();
            COMMANDS_NOT_YET.forEach(configuration.getCommandMap()::remove);
            this.factory = new SieveFactory(new Commands(configuration.getCommandManager()),
                    configuration.getComparatorManager(), new Tests(configuration.getTestManager()));
        } catch (SieveException e) {
            throw new IllegalStateException("jSieve's configuration could not be read", e);
        }
    }

    /** A script that does not parse: the line (1 for the first; 0 when jSieve does not say) and why, in French. */
    public static final class Invalid extends Exception {

        private final int line;

        Invalid(int line, String detail) {
            super(detail);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The extensions a script may require here. */
    public List<String> extensions() {
        return factory.getExtensions().stream().filter(name -> !COMMANDS_NOT_YET.contains(name)).sorted().toList();
    }

    /** Checks the script, remembering it parsed. */
    public void check(String script) throws Invalid {
        parse(script);
    }

    /** The script as the editor's rules; empty when the editor cannot show it (the advanced tab can). */
    public Optional<List<Rule>> rules(String script) throws Invalid {
        return RuleReader.read(parse(script));
    }

    /** Every forward of the script ({@code redirect}), with its rule and whether that rule is on. */
    public List<Forward> forwards(String script) throws Invalid {
        return RuleReader.forwards(parse(script));
    }

    /** Runs the script on the message arriving for the recipient: what it asks (actions with their lines, flags). */
    ArrivalMail evaluate(String script, Arrival arrival, String recipient) throws Invalid {
        ArrivalMail mail = new ArrivalMail(arrival, recipient);
        try {
            factory.evaluate(mail, parse(script));
        } catch (SieveException e) {
            throw failed(e, script);
        }
        return mail;
    }

    /**
     * What jSieve finds only when a script runs (the arguments of a test, a test or extension it does not know), said
     * in French with the line: "Found unexpected arguments Line 3 column 5.", "Test named 'x' not mapped.".
     */
    private static Invalid failed(SieveException e, String script) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher at = AT.matcher(message);
        if (at.find()) {
            return new Invalid(Integer.parseInt(at.group(1)), "Ligne " + at.group(1) + ", colonne " + at.group(2)
                    + " : cette commande ou ce test n'a pas les arguments attendus (RFC 5228).");
        }
        Matcher named = NAMED.matcher(message);
        Matcher feature = FEATURE.matcher(message);
        String name = named.find() ? named.group(1) : feature.find() ? feature.group(1) : null;
        if (name == null) {
            return new Invalid(0, "Vos règles n'ont pas pu s'exécuter.");
        }
        int line = lineOf(script, name);
        return new Invalid(line, (line > 0 ? "Ligne " + line + " : " : "") + "« " + name
                + " » n'est pas un test ou une extension connus ici.");
    }

    /**
     * jSieve's commands, and ours (imap4flags) made here rather than looked up by class name: jSieve loads commands
     * through its own class loader, which need not see the application's classes.
     */
    private record Commands(CommandManager jsieve) implements CommandManager {

        private static final Map<String, Supplier<ExecutableCommand>> OURS = Map.ofEntries(
                Map.entry("setflag", FlagCommand.SetFlag::new), Map.entry("addflag", FlagCommand.AddFlag::new),
                Map.entry("removeflag", FlagCommand.RemoveFlag::new),
                Map.entry("imap4flags", FlagCommand.AddFlag::new), // require "imap4flags" asks for a command of that name
                Map.entry("fileinto", () -> new KeepCommand(true)), Map.entry("keep", () -> new KeepCommand(false)),
                Map.entry("redirect", RedirectCommand::new), Map.entry("copy", RedirectCommand::new), // and "copy" too
                Map.entry("vacation", VacationCommand::new), Map.entry("rename_attachments", RenameCommand::new),
                Map.entry("set", SetCommand::new), Map.entry("variables", SetCommand::new)); // and "variables"

        @Override
        public ExecutableCommand getCommand(String name) throws LookupException {
            Supplier<ExecutableCommand> ours = OURS.get(name.toLowerCase(Locale.ROOT));
            return Variables.around(name, ours != null ? ours.get() : jsieve.getCommand(name));
        }

        @Override
        public boolean isCommandSupported(String name) {
            return OURS.containsKey(name.toLowerCase(Locale.ROOT)) || jsieve.isCommandSupported(name);
        }

        @Override
        public List<String> getExtensions() {
            return Stream.concat(jsieve.getExtensions().stream(), Stream.of("imap4flags", "copy", "vacation", "variables"))
                    .distinct().toList();
        }
    }

    /** jSieve's tests, and ours (vnd.portail), made here for the same reason as {@link Commands}. */
    private record Tests(TestManager jsieve) implements TestManager {

        private static final Map<String, Supplier<ExecutableTest>> OURS = Map.ofEntries(
                Map.entry("attachment", PortalTests.Attachment::new),
                Map.entry("portal_message", PortalTests.PortalMessage::new),
                Map.entry(PORTAIL, PortalTests.PortalMessage::new), // require "vnd.portail" asks for a test of that name
                Map.entry("hasflag", HasFlagTest::new),
                // relational (RFC 5231) on jSieve's own header, address and envelope
                Map.entry("header", () -> new RelationalTest(RelationalTest.On.HEADER, new Header())),
                Map.entry("address", () -> new RelationalTest(RelationalTest.On.ADDRESS, new Address())),
                Map.entry("envelope", () -> new RelationalTest(RelationalTest.On.ENVELOPE, new Envelope())),
                Map.entry("relational", () -> new RelationalTest(RelationalTest.On.HEADER, new Header())),
                Map.entry("date", () -> new DateTest(false)),
                Map.entry("currentdate", () -> new DateTest(true)),
                Map.entry("string", StringTest::new));

        @Override
        public ExecutableTest getTest(String name) throws LookupException {
            Supplier<ExecutableTest> ours = OURS.get(name.toLowerCase(Locale.ROOT));
            return Variables.around(ours != null ? ours.get() : jsieve.getTest(name));
        }

        @Override
        public List<String> getExtensions() {
            return Stream.concat(jsieve.getExtensions().stream(), Stream.of(PORTAIL, "relational", "date")).distinct().toList();
        }
    }

    private Node parse(String script) throws Invalid {
        Node node = parsed.get(script);
        if (node != null) {
            return node;
        }
        try {
            node = factory.parse(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
        } catch (ParseException e) {
            throw invalid(e, script);
        }
        if (parsed.size() >= REMEMBERED_AT_MOST) {
            parsed.clear();
        }
        parsed.put(script, node);
        return node;
    }

    /** jSieve's message (JavaCC's, or its validator's) said in French, with the line. */
    private static Invalid invalid(ParseException e, String script) {
        Token next = e.currentToken == null ? null : e.currentToken.next;
        if (next != null) {
            String found = next.image == null || next.image.isEmpty() ? "la fin du script" : "« " + next.image + " »";
            return new Invalid(next.beginLine, "Ligne " + next.beginLine + ", colonne " + next.beginColumn
                    + " : " + found + " n'était pas attendu ici (syntaxe Sieve, RFC 5228).");
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher named = NAMED.matcher(message);
        String name = named.find() ? named.group(1) : null;
        int line = name == null ? 0 : lineOf(script, name);
        String where = line > 0 ? "Ligne " + line + " : " : "";
        if (name != null && COMMANDS_NOT_YET.contains(name)) {
            return new Invalid(line, where + "« " + name + " » n'est pas encore disponible dans les règles du portail.");
        }
        return new Invalid(line, where + (name == null ? "le script n'est pas valide"
                : "« " + name + " » n'est pas une commande, un test ou une extension connus ici, ou n'a pas été "
                + "déclaré par require") + " (extensions disponibles : voir « extensions »).");
    }

    /** The first line where the word appears outside a comment. */
    private static int lineOf(String script, String word) {
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("#") && line.contains(word)) {
                return i + 1;
            }
        }
        return 0;
    }
}
