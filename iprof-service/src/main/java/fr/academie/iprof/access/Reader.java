package fr.academie.iprof.access;

import java.util.Set;

/** Who is calling, from the token: account id (subject), académie identifier, name, roles, school (UAI). */
public record Reader(String id, String identifier, String name, Set<String> roles, String uai) {

    public static final String HR = "gestionnaire-rh";
    public static final String HEAD_OF_SCHOOL = "chef-etablissement";
    public static final String INSPECTOR = "inspecteur";

    public boolean isHr() {
        return roles.contains(HR);
    }

    /** A head of school may see the summary of the agents assigned to their school, and nothing more. */
    public boolean heads(String schoolUai) {
        return roles.contains(HEAD_OF_SCHOOL) && uai != null && uai.equals(schoolUai);
    }

    public boolean isInspector() {
        return roles.contains(INSPECTOR);
    }
}
