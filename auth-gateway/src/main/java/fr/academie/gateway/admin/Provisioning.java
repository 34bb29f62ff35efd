package fr.academie.gateway.admin;

import fr.academie.common.problem.ProblemException;
import fr.academie.gateway.account.KeycloakAccounts;
import fr.academie.gateway.account.ManagedAccount;
import fr.academie.gateway.admin.AuditLog.Actor;
import fr.academie.gateway.admin.NewAccount.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Makes and manages the académie's accounts for its administrators: one account from a form, many from a file (a
 * dry run first, then an idempotent import keyed by NUMEN), enable/disable, second factor reset, unlock. Every
 * change goes through {@link KeycloakAccounts} and, once Keycloak has made it, into the {@link AuditLog}.
 */
@ApplicationScoped
public class Provisioning {

    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";
    /** Another administrator may take the chosen identifier between the look-up and the creation: choose again. */
    private static final int ATTEMPTS = 3;

    private final KeycloakAccounts accounts;
    private final AuditLog audit;

    public Provisioning(KeycloakAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A new account and its temporary password, which is shown this once and kept nowhere. */
    public record Created(String id, String identifier, String email, String temporaryPassword,
                          List<String> requiredActions) {
    }

    public Created create(Actor actor, NewAccount request) {
        List<FieldProblem> problems = request.problems();
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            throw ProblemException.invalid("urn:portail:gateway:invalid-account", first.field(),
                    capitalised(first.message()) + ".");
        }
        NewAccount account = request.normalised();
        if (account.numen() != null) {
            accounts.findByNumen(account.numen()).ifPresent(existing -> {
                throw ProblemException.conflict("urn:portail:gateway:numen-taken", "Compte déjà existant",
                        "Un compte existe déjà pour ce NUMEN : " + existing.identifier() + ".", "numen");
            });
        }
        Created created = make(account);
        audit.record(actor, AuditAction.CREATE, created.id(), created.identifier(), describe(account));
        return created;
    }

    /**
     * What a line did: an account made (or to be), one already there, one already there whose missing date of birth
     * the file gives (added, or to be), or nothing because the line is wrong.
     */
    public enum LineStatus { WOULD_CREATE, CREATED, EXISTING, WOULD_COMPLETE, COMPLETED, INVALID }

    /** One line of an import: what was (or would be) done, or what is wrong, column by column. */
    public record ImportLine(int line, LineStatus status, String firstName, String lastName, String identifier,
                             String email, String temporaryPassword, List<ColumnProblem> problems) {
    }

    public record ColumnProblem(String column, String message) {
    }

    public record ImportReport(boolean dryRun, int created, int existing, int completed, int invalid,
                               List<ImportLine> lines) {
    }

    /**
     * Imports a file line by line. A dry run changes nothing and says what would be made, with the identifiers the
     * accounts would get; a real run makes the valid lines' accounts. A NUMEN that already has an account is
     * "existing" (so importing the same file twice makes nothing the second time), except that the file's date of
     * birth completes an account that has none (accounts made before "Mot de passe oublié ?" asked for it); one the
     * account has is never changed by a file. A line that is wrong is reported with its column and does not stop the
     * others.
     */
    public ImportReport importFile(Actor actor, byte[] file, boolean dryRun) {
        List<AccountFile.Line> lines = AccountFile.parse(file);
        Map<String, Integer> lineOfNumen = new HashMap<>();
        Set<String> reservedIdentifiers = new HashSet<>();
        Set<String> reservedEmails = new HashSet<>();
        List<ImportLine> report = new ArrayList<>();
        for (AccountFile.Line line : lines) {
            NewAccount account = line.account().normalised();
            List<ColumnProblem> problems = new ArrayList<>(line.account().problems().stream()
                    .map(problem -> new ColumnProblem(AccountFile.column(problem.field()), capitalised(problem.message())))
                    .toList());
            if (account.numen() == null) {
                problems.add(new ColumnProblem("numen", "Le NUMEN est obligatoire à l'import : il identifie la personne "
                        + "d'un import à l'autre."));
            } else if (lineOfNumen.containsKey(account.numen())) {
                problems.add(new ColumnProblem("numen", "Ce NUMEN figure déjà ligne " + lineOfNumen.get(account.numen()) + "."));
            } else {
                lineOfNumen.put(account.numen(), line.number());
            }
            if (!problems.isEmpty()) {
                report.add(new ImportLine(line.number(), LineStatus.INVALID, account.firstName(), account.lastName(),
                        null, null, null, problems));
                continue;
            }
            Optional<ManagedAccount> existing = accounts.findByNumen(account.numen());
            if (existing.isPresent()) {
                ManagedAccount known = existing.get();
                boolean completes = account.birthDate() != null && known.birthDate() == null;
                if (completes && !dryRun) {
                    accounts.setAttribute(known.id(), ManagedAccount.BIRTH_DATE, account.birthDate());
                    audit.record(actor, AuditAction.BIRTH_DATE, known.id(), known.identifier(), "par import");
                }
                LineStatus status = !completes ? LineStatus.EXISTING : dryRun ? LineStatus.WOULD_COMPLETE : LineStatus.COMPLETED;
                report.add(new ImportLine(line.number(), status, account.firstName(), account.lastName(),
                        known.identifier(), known.email(), null, List.of()));
            } else if (dryRun) {
                // the file's earlier lines take their identifiers first, as they would in the real run
                Predicate<String> identifierTaken = reservedIdentifiers::contains;
                Predicate<String> emailTaken = reservedEmails::contains;
                Identifiers.NewIdentity identity = Identifiers.choose(account.firstName(), account.lastName(),
                        identifierTaken.or(accounts::identifierTaken), emailTaken.or(accounts::emailTaken));
                reservedIdentifiers.add(identity.identifier());
                reservedEmails.add(identity.email());
                report.add(new ImportLine(line.number(), LineStatus.WOULD_CREATE, account.firstName(), account.lastName(),
                        identity.identifier(), identity.email(), null, List.of()));
            } else {
                Created created = make(account);
                audit.record(actor, AuditAction.CREATE, created.id(), created.identifier(), describe(account) + " ; par import");
                report.add(new ImportLine(line.number(), LineStatus.CREATED, account.firstName(), account.lastName(),
                        created.identifier(), created.email(), created.temporaryPassword(), List.of()));
            }
        }
        ImportReport result = new ImportReport(dryRun, count(report, dryRun ? LineStatus.WOULD_CREATE : LineStatus.CREATED),
                count(report, LineStatus.EXISTING), count(report, dryRun ? LineStatus.WOULD_COMPLETE : LineStatus.COMPLETED),
                count(report, LineStatus.INVALID), report);
        if (!dryRun) {
            audit.record(actor, AuditAction.IMPORT, null, null, plural(lines.size(), "ligne", "lignes") + " : "
                    + plural(result.created(), "créé", "créés") + ", "
                    + plural(result.existing(), "déjà présent", "déjà présents") + ", "
                    + plural(result.completed(), "date de naissance ajoutée", "dates de naissance ajoutées") + ", "
                    + result.invalid() + " en erreur");
        }
        return result;
    }

    public Optional<ManagedAccount> account(String id) {
        return accounts.account(id);
    }

    public List<ManagedAccount> search(String text, int max) {
        return accounts.search(text, max);
    }

    /** Disables (ending every session) or enables an account; an administrator cannot disable their own. */
    public Optional<ManagedAccount> setEnabled(Actor actor, String id, boolean enabled) {
        if (!enabled && actor.id().equals(id)) {
            throw ProblemException.conflict("urn:portail:gateway:own-account", "Action impossible",
                    "Vous ne pouvez pas désactiver votre propre compte.", null);
        }
        return change(actor, id, enabled ? AuditAction.ENABLE : AuditAction.DISABLE, account -> {
            accounts.setEnabled(id, enabled);
            return null;
        });
    }

    /** Removes the account's second factor: the way back for a person who lost the phone and the recovery codes. */
    public Optional<ManagedAccount> resetOtp(Actor actor, String id) {
        return change(actor, id, AuditAction.OTP_RESET,
                account -> plural(accounts.resetOtp(id), "moyen retiré", "moyens retirés"));
    }

    /** "1 ligne", "6 lignes": never "ligne(s)". */
    private static String plural(long count, String one, String many) {
        return count + " " + (count > 1 ? many : one);
    }

    public Optional<ManagedAccount> unlock(Actor actor, String id) {
        return change(actor, id, AuditAction.UNLOCK, account -> {
            accounts.unlock(id);
            return null;
        });
    }

    /** Applies an action to an existing account, records it, and returns the account as it now is. */
    private Optional<ManagedAccount> change(Actor actor, String id, AuditAction action,
                                            Function<ManagedAccount, String> apply) {
        return accounts.account(id).map(account -> {
            String detail = apply.apply(account);
            audit.record(actor, action, id, account.identifier(), detail);
            return accounts.account(id).orElse(account);
        });
    }

    private Created make(NewAccount account) {
        List<String> actions = account.sensitive() ? List.of(UPDATE_PASSWORD, CONFIGURE_TOTP) : List.of(UPDATE_PASSWORD);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Identifiers.NewIdentity identity = Identifiers.choose(account.firstName(), account.lastName(),
                    accounts::identifierTaken, accounts::emailTaken);
            String password = TemporaryPasswords.generate();
            Optional<String> id = accounts.create(representation(account, identity, password, actions), account.roles());
            if (id.isPresent()) {
                return new Created(id.get(), identity.identifier(), identity.email(), password, actions);
            }
        }
        throw ProblemException.conflict("urn:portail:gateway:identifier-contention", "Réessayez",
                "D'autres comptes au même nom sont créés en ce moment : réessayez dans un instant.", null);
    }

    private static UserRepresentation representation(NewAccount account, Identifiers.NewIdentity identity,
                                                      String password, List<String> actions) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(identity.identifier());
        user.setEmail(identity.email());
        user.setEmailVerified(true); // the académie gives the address: it is the person's by construction
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        user.setEnabled(true);
        Map<String, List<String>> attributes = new HashMap<>();
        if (account.uai() != null) {
            attributes.put(ManagedAccount.UAI, List.of(account.uai()));
        }
        if (account.numen() != null) {
            attributes.put(ManagedAccount.NUMEN, List.of(account.numen()));
        }
        if (account.birthDate() != null) {
            attributes.put(ManagedAccount.BIRTH_DATE, List.of(account.birthDate()));
        }
        user.setAttributes(attributes);
        user.setRequiredActions(actions);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(true);
        user.setCredentials(List.of(credential));
        return user;
    }

    private static String describe(NewAccount account) {
        return "rôles : " + String.join(", ", account.roles()) + (account.uai() == null ? "" : " ; UAI " + account.uai());
    }

    private static int count(List<ImportLine> lines, LineStatus status) {
        return (int) lines.stream().filter(line -> line.status() == status).count();
    }

    private static String capitalised(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
