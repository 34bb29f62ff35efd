package fr.academie.mail.rules;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.forwarding.ForwardingPolicy;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.rules.Rule.Condition;
import fr.academie.mail.rules.Rule.Operator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the editor's rules as one Sieve script, as Roundcube lays them out ({@code # rule:[name]} above each
 * {@code if}), so that other servers read it: standard tests and actions wherever Sieve has them, our
 * {@code vnd.portail} tests (attachments, portal messages) where it has none. A rule that is off is kept as
 * {@code allof (false, ...)}, which never holds and keeps its conditions.
 */
final class RuleWriter {

    static final String INVALID = "urn:portail:mail:rules-invalid";

    private RuleWriter() {
    }

    static String write(List<Rule> rules) {
        Set<String> required = new LinkedHashSet<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String at = "rules[" + i + "]";
            body.append("\n# rule:[").append(rule.name() == null ? "" : rule.name().strip()).append("]\n")
                    .append("if ").append(test(rule, at, required)).append("\n{\n");
            for (int j = 0; j < rule.actions().size(); j++) {
                body.append("    ").append(action(rule.actions().get(j), at + ".actions[" + j + "]", required)).append(";\n");
            }
            body.append("}\n");
        }
        return required.isEmpty() ? body.toString().stripLeading()
                : "require [" + required.stream().map(RuleWriter::quoted).collect(Collectors.joining(", ")) + "];\n" + body;
    }

    private static String test(Rule rule, String at, Set<String> required) {
        List<String> tests = new ArrayList<>();
        for (int j = 0; j < rule.conditions().size(); j++) {
            tests.add(condition(rule.conditions().get(j), at + ".conditions[" + j + "]", required));
        }
        String all = tests.isEmpty() ? "true" : tests.size() == 1 ? tests.get(0)
                : (rule.match() == Rule.Match.ANY ? "anyof" : "allof") + " (" + String.join(", ", tests) + ")";
        if (rule.enabled()) {
            return all;
        }
        // off: false before the same tests (allof's own tests are kept flat, as they read back the same)
        return rule.match() == Rule.Match.ALL && tests.size() > 1
                ? "allof (false, " + String.join(", ", tests) + ")" : "allof (false, " + all + ")";
    }

    private static String condition(Condition condition, String at, Set<String> required) {
        String value = condition.value() == null ? "" : condition.value().strip();
        Operator operator = condition.operator();
        return switch (condition.field()) {
            case FROM -> text(operator, "address", quoted("from"), "header", quoted("from"), value, at);
            case TO_CC -> text(operator, "address", "[\"to\", \"cc\"]", "header", "[\"to\", \"cc\"]", value, at);
            case SUBJECT -> text(operator, "header", quoted("subject"), "header", quoted("subject"), value, at);
            case LIST -> value.isEmpty() && operator == Operator.CONTAINS ? "exists \"list-id\""
                    : text(operator, "header", quoted("list-id"), "header", quoted("list-id"), value, at);
            case ATTACHMENT -> {
                required.add(SieveEngine.PORTAIL);
                yield "attachment";
            }
            case ATTACHMENT_TYPE -> {
                required.add(SieveEngine.PORTAIL);
                yield "attachment :type " + quoted(needed(value, at + ".value", "le type de pièce jointe (pdf, par exemple)"));
            }
            case SIZE -> "size " + (operator == Operator.UNDER ? ":under " : operator == Operator.OVER ? ":over "
                    : wrong(at + ".operator", "la taille se compare par OVER (plus de) ou UNDER (moins de)")) + kilobytes(value, at + ".value") + "K";
            case AUTHENTICATION -> "header :contains \"authentication-results\" " + (operator == Operator.PASSES
                    ? quoted("dmarc=pass") : operator == Operator.FAILS ? quoted("dmarc=fail")
                    : wrong(at + ".operator", "l'authentification de l'expéditeur se teste par PASSES (réussie) ou FAILS (échouée)"));
            case PORTAL -> {
                required.add(SieveEngine.PORTAIL);
                yield "portal_message";
            }
        };
    }

    /** A text field: "is" compares the address (or the whole field), "contains" and "not contains" the field. */
    private static String text(Operator operator, String isTest, String isOn, String test, String on, String value, String at) {
        if (operator == null) {
            return wrong(at + ".operator", "choisissez comment comparer : CONTAINS, NOT_CONTAINS ou IS");
        }
        String what = quoted(needed(value, at + ".value", "le texte à chercher"));
        return switch (operator) {
            case CONTAINS -> test + " :contains " + on + " " + what;
            case NOT_CONTAINS -> "not " + test + " :contains " + on + " " + what;
            case IS -> isTest + " :is " + isOn + " " + what;
            default -> wrong(at + ".operator", "un texte se compare par CONTAINS, NOT_CONTAINS ou IS");
        };
    }

    private static String action(Rule.Action action, String at, Set<String> required) {
        String value = action.value() == null ? "" : action.value().strip();
        return switch (action.kind()) {
            case MOVE -> {
                required.add("fileinto");
                yield "fileinto " + quoted(needed(value, at + ".value", "le dossier où classer"));
            }
            case LABEL -> {
                required.add("imap4flags");
                // an imap4flags flag has no space (a space separates two flags): "Newsletters école" is written
                // Newsletters_école, and delivery finds the label by either name
                yield "addflag " + quoted(LabelService.keyword(needed(value, at + ".value", "l'étiquette à mettre")));
            }
            case MARK_READ -> {
                required.add("imap4flags");
                yield "addflag \"\\\\Seen\"";
            }
            case FLAG -> {
                required.add("imap4flags");
                yield "addflag \"\\\\Flagged\"";
            }
            case STOP -> "stop";
            case RENAME_PDF -> {
                String pattern = needed(value, at + ".value",
                        "le modèle du nouveau nom ({date}_{expéditeur}_{nom}, par exemple)");
                if (pattern.length() > 200 || pattern.matches(".*[/\\\\].*")) {
                    wrong(at + ".value", "un modèle de nom a 200 caractères au plus, sans « / » ni « \\ »");
                }
                required.add(SieveEngine.PORTAIL);
                yield "rename_attachments :type \"pdf\" " + quoted(pattern);
            }
            case FORWARD -> {
                String address = needed(value, at + ".value", "l'adresse vers laquelle transférer");
                if (!ForwardingPolicy.valid(address)) {
                    wrong(at + ".value", "« " + address + " » n'est pas une adresse électronique valide");
                }
                if (!action.keepsCopy()) {
                    yield "redirect " + quoted(address);
                }
                required.add("copy");
                yield "redirect :copy " + quoted(address);
            }
        };
    }

    private static String kilobytes(String value, String at) {
        if (!value.matches("[0-9]{1,7}") || Long.parseLong(value) == 0) {
            return wrong(at, "la taille est un nombre entier de kilo-octets, de 1 à 9 999 999");
        }
        return String.valueOf(Long.parseLong(value));
    }

    private static String needed(String value, String at, String what) {
        return value.isEmpty() ? wrong(at, "indiquez " + what) : value;
    }

    /** Refuses the field (rules[2].conditions[0].value), naming the rule as the editor numbers it. */
    private static String wrong(String field, String detail) {
        int rule = Integer.parseInt(field.substring("rules[".length(), field.indexOf(']'))) + 1;
        throw ProblemException.invalid(INVALID, field, "Règle " + rule + " : " + detail + ".");
    }

    /** A Sieve quoted string (RFC 5228 §2.4.2): backslash and double quote escaped. */
    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
