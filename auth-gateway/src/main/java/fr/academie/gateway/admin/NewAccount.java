package fr.academie.gateway.admin;

import fr.academie.common.realm.Roles;
import fr.academie.gateway.account.ManagedAccount;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an administrator asks for a new account, from the form or a line of an import file. {@link #problems()}
 * says, field by field and in French, what is wrong; {@link #normalised()} is the account as it will be made
 * (UAI and NUMEN in capitals, the date of birth as AAAA-MM-JJ whether it came so or as JJ/MM/AAAA, {@code personnel}
 * always among the roles). The NUMEN and the date of birth are what "Mot de passe oublié ?" asks the person.
 */
public record NewAccount(String firstName, String lastName, String uai, String numen, String birthDate,
                         List<String> roles) {

    private static final Pattern UAI = Pattern.compile("[0-9]{7}[A-Z]");
    private static final Pattern NUMEN = Pattern.compile("[0-9]{2}[A-Z0-9]{8}[A-Z]{3}");
    /** What Keycloak's person-name validator refuses, refused here first with a French word. */
    private static final Pattern FORBIDDEN_IN_NAMES = Pattern.compile("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]");
    private static final int MAX_NAME = 100;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** One thing wrong with one field. */
    public record FieldProblem(String field, String message) {
    }

    public NewAccount normalised() {
        Set<String> granted = new LinkedHashSet<>();
        granted.add(Roles.STAFF);
        if (roles != null) {
            roles.stream().filter(role -> role != null && !role.isBlank()).map(role -> role.strip().toLowerCase(Locale.ROOT))
                    .forEach(granted::add);
        }
        return new NewAccount(strip(firstName), strip(lastName), upper(uai), upper(numen), isoDate(strip(birthDate)),
                List.copyOf(granted));
    }

    /** Every problem of the (normalised) request; none when the account can be made. */
    public List<FieldProblem> problems() {
        NewAccount account = normalised();
        List<FieldProblem> problems = new ArrayList<>();
        name("firstName", "le prénom", account.firstName, problems);
        name("lastName", "le nom", account.lastName, problems);
        if (account.uai != null && !UAI.matcher(account.uai).matches()) {
            problems.add(new FieldProblem("uai", "l'UAI « " + account.uai
                    + " » est invalide : 7 chiffres puis une lettre (ex. 0450042K)"));
        }
        if (account.numen != null && !NUMEN.matcher(account.numen).matches()) {
            problems.add(new FieldProblem("numen", "le NUMEN « " + account.numen
                    + " » est invalide : 13 caractères, 2 chiffres au début et 3 lettres à la fin (ex. 12E0512345ABC)"));
        }
        if (account.birthDate != null && !plausibleBirthDate(account.birthDate)) {
            problems.add(new FieldProblem("birthDate", "la date de naissance « " + account.birthDate
                    + " » est invalide : JJ/MM/AAAA ou AAAA-MM-JJ (ex. 21/03/1984)"));
        }
        for (String role : account.roles) {
            if (!ManagedAccount.GRANTABLE_ROLES.contains(role)) {
                problems.add(new FieldProblem("roles", "le rôle « " + role + " » n'existe pas (rôles possibles : "
                        + String.join(", ", ManagedAccount.GRANTABLE_ROLES.stream().sorted().toList()) + ")"));
            }
        }
        if (account.roles.contains(Roles.HEAD_OF_SCHOOL) && account.uai == null) {
            problems.add(new FieldProblem("uai", "un chef d'établissement est rattaché à un établissement : l'UAI est obligatoire"));
        }
        return problems;
    }

    /** "21/03/1984" as "1984-03-21"; anything else as it came (then refused by {@link #problems()}). */
    private static String isoDate(String value) {
        try {
            return value == null ? null : LocalDate.parse(value, FRENCH_DATE).toString();
        } catch (DateTimeParseException notFrench) {
            return value;
        }
    }

    private static boolean plausibleBirthDate(String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            return date.getYear() >= 1900 && date.isBefore(LocalDate.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The account must have a second factor from its first sign-in. */
    public boolean sensitive() {
        return normalised().roles.stream().anyMatch(ManagedAccount.SENSITIVE_ROLES::contains);
    }

    private static void name(String field, String label, String value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, label + " est obligatoire"));
        } else if (value.length() > MAX_NAME) {
            problems.add(new FieldProblem(field, label + " est trop long (" + MAX_NAME + " caractères au plus)"));
        } else if (FORBIDDEN_IN_NAMES.matcher(value).find()) {
            problems.add(new FieldProblem(field, label + " contient des caractères interdits"));
        } else if (Identifiers.letters(value, "").isEmpty()) {
            problems.add(new FieldProblem(field, label + " doit contenir au moins une lettre"));
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
