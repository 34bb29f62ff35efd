package fr.academie.gateway.account;

import fr.academie.common.realm.Roles;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An account as the académie's administrator sees it: identity, school, NUMEN and date of birth, the realm roles the
 * portal grants, whether it may sign in (enabled, not locked by brute-force protection) and whether it has a second
 * factor.
 */
public record ManagedAccount(String id, String identifier, String firstName, String lastName, String email,
                             String uai, String numen, String birthDate, List<String> roles, boolean enabled,
                             boolean locked, boolean otpConfigured, List<String> requiredActions, Instant created) {

    public static final String UAI = "uai";
    public static final String NUMEN = "numen";
    /** AAAA-MM-JJ, admin-only like the NUMEN: with it, what "Mot de passe oublié ?" asks. */
    public static final String BIRTH_DATE = "dateNaissance";
    /** The realm roles an administrator gives (the realm's own, like default-roles-*, stay out of sight). */
    public static final Set<String> GRANTABLE_ROLES = Set.copyOf(Roles.ALL);
    /** The profiles that must sign in with a second factor (composites of the realm role otp-requis). */
    public static final Set<String> SENSITIVE_ROLES = Set.copyOf(Roles.SENSITIVE);

    static ManagedAccount of(UserRepresentation user, List<String> roles, boolean locked, boolean otpConfigured) {
        Map<String, List<String>> attributes = Optional.ofNullable(user.getAttributes()).orElse(Map.of());
        return new ManagedAccount(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                user.getEmail(), first(attributes, UAI), first(attributes, NUMEN), first(attributes, BIRTH_DATE), roles,
                Boolean.TRUE.equals(user.isEnabled()), locked, otpConfigured,
                Optional.ofNullable(user.getRequiredActions()).orElse(List.of()),
                user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp()));
    }

    private static String first(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
