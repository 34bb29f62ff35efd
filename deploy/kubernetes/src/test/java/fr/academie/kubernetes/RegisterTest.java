package fr.academie.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The processing register (docs/register.md) says how long each kind of record is kept; the configuration decides it.
 * They must agree both ways: every line of the register's table has its setting with that value (and the period in
 * words says the same), and every retention setting of a service has its line.
 */
class RegisterTest {

    private static final Path ROOT = Manifests.DIR.resolve("../..");
    private static final List<String> SERVICES = List.of("auth-gateway", "mail-service", "iprof-service", "colibris-service");
    /** A line of the table: | record | service | kept | `setting=value` |. */
    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+) \\| ([a-zA-Z-]+) \\| ([^|]+) \\| `([^=`]+)=([^`]+)` \\|$");
    private static final Pattern WORDS = Pattern.compile("(\\d+) (day|month|year)s?");

    record Line(String record, String service, String kept, String setting, String value) {
    }

    @Test
    void everyPeriodOfTheRegisterIsTheConfiguredOne() throws IOException {
        List<Line> lines = lines();
        assertFalse(lines.isEmpty(), "docs/register.md has its table of retention periods");
        for (Line line : lines) {
            assertEquals(line.value(), configured(line), line.record() + ": the register and the configuration differ");
            assertEquals(days(line.kept()), days(line.value()), 1.5, line.record() + ": \"" + line.kept()
                    + "\" is not " + line.value());
        }
    }

    @Test
    void everyRetentionSettingOfAServiceHasItsLineInTheRegister() throws IOException {
        Set<String> registered = lines().stream().map(Line::setting).collect(Collectors.toSet());
        for (String service : SERVICES) {
            Set<String> settings = new TreeSet<>(properties(service).stringPropertyNames());
            settings.removeIf(key -> !key.matches("[a-z]+\\.retention\\.[a-z-]+") || key.startsWith("portail."));
            assertFalse(settings.isEmpty(), service + " states its retention periods");
            for (String setting : settings) {
                assertTrue(registered.contains(setting), setting + " (" + service + ") has no line in docs/register.md");
            }
        }
    }

    private static List<Line> lines() throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String text : Files.readAllLines(ROOT.resolve("docs/register.md"))) {
            Matcher row = ROW.matcher(text.strip());
            if (row.matches()) {
                lines.add(new Line(row.group(1), row.group(2), row.group(3), row.group(4), row.group(5)));
            }
        }
        return lines;
    }

    /** The value in force: a service's application.properties, the realm file, or the Keycloak resource's options. */
    private static String configured(Line line) throws IOException {
        if (SERVICES.contains(line.service())) {
            return properties(line.service()).getProperty(line.setting());
        }
        assertEquals("Keycloak", line.service(), "a line's service is a module or Keycloak");
        if (line.setting().startsWith("spi-")) {
            Set<String> values = new TreeSet<>();
            for (String overlay : List.of("overlays/dev", "overlays/prod")) {
                Manifests.ofKind(Manifests.objects(overlay), "Keycloak").forEach(keycloak -> {
                    for (JsonNode option : keycloak.path("spec").path("additionalOptions")) {
                        if (line.setting().equals(option.path("name").asText())) {
                            values.add(option.path("value").asText());
                        }
                    }
                });
            }
            assertEquals(1, values.size(), line.setting() + " is set once, alike, in both overlays: " + values);
            return values.iterator().next();
        }
        JsonNode realm = Manifests.readJson(Manifests.REALM);
        JsonNode value = realm.has(line.setting()) ? realm.path(line.setting()) : realm.path("attributes").path(line.setting());
        return value.isMissingNode() ? null : value.asText();
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** "5 years", P5Y or 157766400 (seconds) in days, a year 365.25 of them and a month a twelfth of it. */
    private static double days(String period) {
        Matcher words = WORDS.matcher(period);
        if (words.matches()) {
            int n = Integer.parseInt(words.group(1));
            return n * Map.of("day", 1.0, "month", 365.25 / 12, "year", 365.25).get(words.group(2));
        }
        if (period.startsWith("P")) {
            Period parsed = Period.parse(period);
            return parsed.getYears() * 365.25 + parsed.getMonths() * 365.25 / 12 + parsed.getDays();
        }
        if (period.matches("\\d+")) {
            return Long.parseLong(period) / 86_400.0;
        }
        return fail("not a period: " + period);
    }
}
