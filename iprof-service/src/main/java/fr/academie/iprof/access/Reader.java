package fr.academie.iprof.access;

import fr.academie.common.realm.Roles;

import java.util.Set;

/** Who is calling, from the token: account id (subject), académie identifier, name, roles, school (UAI). */
public record Reader(String id, String identifier, String name, Set<String> roles, String uai) {

    public boolean isHr() {
        return roles.contains(Roles.HR);
    }

    /** A head of school may see the summary of the agents assigned to their school, and nothing more. */
    public boolean heads(String schoolUai) {
        return roles.contains(Roles.HEAD_OF_SCHOOL) && uai != null && uai.equals(schoolUai);
    }

    public boolean isInspector() {
        return roles.contains(Roles.INSPECTOR);
    }
}
