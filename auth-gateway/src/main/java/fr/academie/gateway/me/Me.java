package fr.academie.gateway.me;

import java.util.List;

/** Who is signed in, as the SPA shows it. {@code uai} is null for staff without a school. */
public record Me(String username, String displayName, String email, List<String> roles, String uai) {
}
