package fr.academie.mail.managesieve;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.managesieve.CommandLine.Malformed;
import fr.academie.mail.managesieve.CommandLine.Token;
import fr.academie.mail.signin.AppPasswordService;
import fr.academie.mail.signin.PasswordSignIn;
import fr.academie.mail.signin.SessionWatch;
import fr.academie.mail.signin.TokenSignIn;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One ManageSieve connection's state and commands (RFC 5804), on a worker thread, one command at a time: signed in
 * over TLS only, with an application password (PLAIN, {@link PasswordSignIn}) or a token of the realm (OAUTHBEARER,
 * XOAUTH2), the session then edits her rules through {@link SieveScriptStore}; a session whose sign-in is revoked ends
 * at its next command ({@link SessionWatch}). Every refusal is a NO with French words, never a dropped connection.
 */
final class SieveSession {

    private static final Logger LOG = Logger.getLogger(SieveSession.class);
    private static final List<String> MECHANISMS = List.of("PLAIN", "OAUTHBEARER", "XOAUTH2");
    /** Failed sign-ins one connection may try before it is closed (the addresses' and accounts' limits still apply). */
    private static final int MAX_FAILURES = 3;
    private static final int MAX_NAME = 128;

    /** What the session needs from the mailbox and the sign-in. */
    record Services(SieveScriptStore scripts, PasswordSignIn passwords, TokenSignIn tokens, AppPasswordService watch,
                    String extensions) {
    }

    /** What the connection does once the reply is written. */
    enum Next { GO_ON, START_TLS, CLOSE }

    record Reply(String text, Next next) {
        static Reply of(String text) {
            return new Reply(text, Next.GO_ON);
        }
    }

    private record Account(String id, String address, SessionWatch watch) {
    }

    private final Services services;
    private final String clientAddress;
    private boolean encrypted;
    private String mechanism; // a SASL exchange waiting for the client's response
    private Account account;
    private int failures;

    SieveSession(Services services, String clientAddress) {
        this.services = services;
        this.clientAddress = clientAddress;
    }

    /** What the server says first, and again once TLS is on (RFC 5804 2.2). */
    String capabilities() {
        StringBuilder lines = new StringBuilder()
                .append("\"IMPLEMENTATION\" \"Portail agents\"\r\n")
                .append("\"SASL\" \"").append(encrypted ? String.join(" ", MECHANISMS) : "").append("\"\r\n")
                .append("\"SIEVE\" \"").append(services.extensions()).append("\"\r\n");
        if (!encrypted) {
            lines.append("\"STARTTLS\"\r\n");
        }
        if (account != null) {
            lines.append("\"OWNER\" ").append(string(account.address())).append("\r\n");
        }
        return lines.append("\"UNAUTHENTICATE\"\r\n\"VERSION\" \"1.0\"\r\nOK\r\n").toString();
    }

    void encrypted() {
        encrypted = true;
    }

    /** The reply to one command (or to a SASL response the client was asked for). */
    Reply handle(List<Token> command) {
        try {
            if (mechanism != null) {
                return saslResponse(command);
            }
            if (account != null && !account.watch().mayGoOn(services.watch())) {
                return new Reply(bye(account.watch().byPassword()
                        ? "Ce mot de passe d'application a été révoqué : créez-en un autre sur la page Mon compte."
                        : "L'accès de ce compte à la messagerie a été retiré : reconnectez-vous."), Next.CLOSE);
            }
            if (command.get(0).kind() != Token.Kind.ATOM) {
                throw new Malformed("une commande commence par son nom");
            }
            return command(command.get(0).text().toUpperCase(Locale.ROOT), command.subList(1, command.size()));
        } catch (Malformed e) {
            return Reply.of(no(null, "Commande mal formée : " + e.getMessage() + "."));
        } catch (SieveScriptStore.Refusal e) {
            return Reply.of(no(e.code, e.getMessage()));
        } catch (ProblemException e) {
            return Reply.of(no(null, e.toProblem().detail()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "ManageSieve command failed for %s", account == null ? "no one" : account.id());
            return Reply.of(no("TRYLATER", "Erreur du serveur : réessayez dans quelques minutes."));
        }
    }

    private Reply command(String name, List<Token> arguments) throws Malformed {
        return switch (name) {
            case "CAPABILITY" -> {
                arguments(arguments, 0);
                yield Reply.of(capabilities());
            }
            case "STARTTLS" -> startTls(arguments);
            case "AUTHENTICATE" -> authenticate(arguments);
            case "UNAUTHENTICATE" -> {
                arguments(arguments, 0);
                if (account == null) {
                    yield Reply.of(no(null, "Aucune identification à quitter."));
                }
                account = null;
                yield Reply.of(ok());
            }
            case "LOGOUT" -> new Reply(ok("Au revoir."), Next.CLOSE);
            case "NOOP" -> Reply.of(arguments.isEmpty() ? ok("Fait.")
                    : "OK (TAG " + string(arguments(arguments, 1).get(0)) + ") \"Fait.\"\r\n");
            case "LISTSCRIPTS", "GETSCRIPT", "PUTSCRIPT", "CHECKSCRIPT", "SETACTIVE", "DELETESCRIPT", "RENAMESCRIPT",
                 "HAVESPACE" -> account == null
                    ? Reply.of(no(null, "Identifiez-vous d'abord (AUTHENTICATE), avec un mot de passe d'application."))
                    : Reply.of(scripts(name, arguments, account));
            default -> Reply.of(no(null, "Commande inconnue : " + (name.length() > 32 ? name.substring(0, 32) : name)
                    + "."));
        };
    }

    /** The commands on her scripts. */
    private String scripts(String name, List<Token> arguments, Account account) throws Malformed {
        SieveScriptStore scripts = services.scripts();
        switch (name) {
            case "LISTSCRIPTS" -> {
                arguments(arguments, 0);
                return scripts.summary(account.id()).map(s -> string(s.name()) + (s.active() ? " ACTIVE" : "") + "\r\n")
                        .orElse("") + ok();
            }
            case "GETSCRIPT" -> {
                String script = scripts.script(account.id(), scriptName(arguments(arguments, 1).get(0)));
                return literal(script) + "\r\n" + ok();
            }
            case "PUTSCRIPT" -> {
                List<String> values = arguments(arguments, 2);
                scripts.put(account.id(), account.address(), scriptName(values.get(0)), script(values.get(1)));
            }
            case "CHECKSCRIPT" -> scripts.check(account.id(), account.address(), script(arguments(arguments, 1).get(0)));
            case "SETACTIVE" -> {
                String script = arguments(arguments, 1).get(0);
                scripts.activate(account.id(), account.address(), script.isEmpty() ? "" : scriptName(script));
            }
            case "DELETESCRIPT" -> scripts.delete(account.id(), account.address(),
                    scriptName(arguments(arguments, 1).get(0)));
            case "RENAMESCRIPT" -> {
                List<String> values = arguments(arguments, 2);
                scripts.rename(account.id(), scriptName(values.get(0)), scriptName(values.get(1)));
            }
            default -> { // HAVESPACE name size
                if (arguments.size() != 2 || arguments.get(1).kind() != Token.Kind.NUMBER) {
                    throw new Malformed("HAVESPACE attend un nom de script et une taille en octets");
                }
                scripts.haveSpace(account.id(), scriptName(arguments(arguments.subList(0, 1), 1).get(0)),
                        Long.parseLong(arguments.get(1).text()));
            }
        }
        return ok();
    }

    private Reply startTls(List<Token> arguments) throws Malformed {
        arguments(arguments, 0);
        if (encrypted || account != null) {
            return Reply.of(no(null, encrypted ? "La connexion est déjà chiffrée." : "STARTTLS vient avant l'identification."));
        }
        return new Reply(ok(), Next.START_TLS);
    }

    private Reply authenticate(List<Token> arguments) throws Malformed {
        if (arguments.isEmpty() || arguments.size() > 2) {
            throw new Malformed("AUTHENTICATE attend un mécanisme et, s'il le veut, une première réponse");
        }
        List<String> values = arguments(arguments, arguments.size());
        String chosen = values.get(0).toUpperCase(Locale.ROOT);
        if (account != null) {
            return Reply.of(no(null, "Vous êtes déjà identifiée."));
        }
        if (!encrypted) {
            return Reply.of(no("ENCRYPT-NEEDED", "Chiffrement requis : lancez STARTTLS avant de vous identifier."));
        }
        if (!MECHANISMS.contains(chosen)) {
            return Reply.of(no(null, "Mécanisme d'identification inconnu ici : PLAIN, OAUTHBEARER ou XOAUTH2."));
        }
        if (values.size() == 2) {
            return signIn(chosen, values.get(1));
        }
        mechanism = chosen;
        return Reply.of("\"\"\r\n"); // an empty challenge: the client answers with its response
    }

    private Reply saslResponse(List<Token> response) throws Malformed {
        String chosen = mechanism;
        mechanism = null;
        String value = arguments(response, 1).get(0);
        return value.equals("*") ? Reply.of(no(null, "Identification abandonnée.")) : signIn(chosen, value);
    }

    private Reply signIn(String chosen, String response) {
        if (chosen.equals("PLAIN")) {
            String[] parts = plain(response);
            PasswordSignIn.Outcome outcome = parts == null || !(parts[0].isEmpty() || parts[0].equals(parts[1]))
                    ? new PasswordSignIn.Outcome.Refused() // no delegation: she acts as herself only
                    : services.passwords().attempt(parts[1], parts[2], clientAddress);
            if (outcome instanceof PasswordSignIn.Outcome.Unavailable) {
                return Reply.of(no("TRYLATER", "Service d'authentification indisponible : réessayez dans quelques minutes."));
            }
            if (outcome instanceof PasswordSignIn.Outcome.Accepted accepted) {
                return signedIn(accepted.accountId(), accepted.address(),
                        SessionWatch.password(accepted.passwordId(), accepted.accountId()));
            }
        } else {
            var accepted = services.tokens().attempt(response);
            if (accepted.isPresent()) {
                return signedIn(accepted.get().accountId(), accepted.get().address(),
                        SessionWatch.token(accepted.get().accountId()));
            }
        }
        return refused();
    }

    private Reply signedIn(String accountId, String address, SessionWatch watch) {
        if (address == null) {
            return refused(); // an account without an address has no mailbox, hence no rules
        }
        account = new Account(accountId, address, watch);
        return Reply.of(ok());
    }

    private Reply refused() {
        String text = "Identifiants refusés : utilisez un mot de passe d'application créé sur la page Mon compte du "
                + "portail.";
        return ++failures < MAX_FAILURES ? Reply.of(no(null, text)) : new Reply(bye(text), Next.CLOSE);
    }

    /** PLAIN's response (RFC 4616): authorization identity, user, password; null when it is not one. */
    private static String[] plain(String base64) {
        try {
            String[] parts = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8)
                    .split("\u0000", -1);
            return parts.length == 3 ? parts : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The arguments' texts, when they are exactly {@code count} strings. */
    private static List<String> arguments(List<Token> arguments, int count) throws Malformed {
        if (arguments.size() != count || arguments.stream().anyMatch(a -> a.kind() != Token.Kind.STRING)) {
            throw new Malformed(count == 0 ? "cette commande ne prend pas d'argument"
                    : "attendu : " + count + (count == 1 ? " chaîne" : " chaînes") + " (entre guillemets ou littéral)");
        }
        return arguments.stream().map(Token::text).toList();
    }

    /** A script's name (RFC 5804 1.6): not empty, no control character, at most {@link #MAX_NAME} characters. */
    private static String scriptName(String name) throws Malformed {
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(c -> Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029')) {
            throw new Malformed("nom de script vide, trop long (128 caractères au plus) ou avec un caractère de contrôle");
        }
        return name;
    }

    private static String script(String script) throws Malformed {
        if (script.indexOf('\u0000') >= 0) {
            throw new Malformed("le script ne peut contenir de caractère nul");
        }
        return script;
    }

    private static String ok() {
        return "OK\r\n";
    }

    private static String ok(String text) {
        return "OK " + string(text) + "\r\n";
    }

    private static String no(String code, String text) {
        return "NO " + (code == null ? "" : "(" + code + ") ") + string(text) + "\r\n";
    }

    private static String bye(String text) {
        return "BYE " + string(text) + "\r\n";
    }

    /** A string as RFC 5804 writes it: quoted when it may be, a literal otherwise. */
    static String string(String text) {
        boolean quotable = text.length() <= 1024 && text.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
        return quotable ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : literal(text);
    }

    /** A literal: its size in octets, then the text. */
    private static String literal(String text) {
        return "{" + text.getBytes(StandardCharsets.UTF_8).length + "}\r\n" + text;
    }
}
