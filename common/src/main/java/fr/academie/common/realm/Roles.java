package fr.academie.common.realm;

import java.util.List;
import java.util.function.Predicate;

/** The realm roles of the académie (deploy/keycloak's realm file), named once for every service. */
public final class Roles {

    /** Every staff member. */
    public static final String STAFF = "personnel";
    public static final String TEACHER = "enseignant";
    /** The académie's HR managers (DPE). */
    public static final String HR = "gestionnaire-rh";
    public static final String HEAD_OF_SCHOOL = "chef-etablissement";
    public static final String INSPECTOR = "inspecteur";
    public static final String ADMIN = "admin-academique";

    /** Every role of the realm, in the order people read them. */
    public static final List<String> ALL = List.of(STAFF, TEACHER, HR, HEAD_OF_SCHOOL, INSPECTOR, ADMIN);

    /** The profiles whose sign-in requires a second factor (the realm's OTP rule). */
    public static final List<String> SENSITIVE = List.of(HR, HEAD_OF_SCHOOL, INSPECTOR, ADMIN);

    private Roles() {
    }

    /** The realm roles a person holds (for example {@code SecurityIdentity::hasRole}), in the order people read them. */
    public static List<String> heldBy(Predicate<String> holds) {
        return ALL.stream().filter(holds).toList();
    }
}
