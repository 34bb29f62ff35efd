package fr.academie.mail.signature;

import fr.academie.common.realm.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jsoup.nodes.Entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The académie's signature, filled from the person's token: name, function (from their roles), school (their
 * {@code uai}, named from {@code etablissements.csv}), académie and address. Offered in the signature editor.
 */
@ApplicationScoped
public class SignatureTemplate {

    /** Roles in order of precedence, and the function they stand for. */
    private static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put(Roles.ADMIN, "Administration académique");
        FUNCTIONS.put(Roles.INSPECTOR, "Inspection pédagogique");
        FUNCTIONS.put(Roles.HEAD_OF_SCHOOL, "Direction d'établissement");
        FUNCTIONS.put(Roles.HR, "Gestion des ressources humaines");
        FUNCTIONS.put(Roles.TEACHER, "Personnel enseignant");
    }

    private final Map<String, String> schools = schools();

    public SignatureView of(JsonWebToken token, SecurityIdentity identity) {
        String name = token.getClaim("name") != null ? token.getClaim("name") : token.getClaim("preferred_username");
        String function = FUNCTIONS.entrySet().stream().filter(e -> identity.hasRole(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("Personnel de l'académie");
        String uai = token.getClaim("uai");
        String email = token.getClaim("email");
        StringBuilder html = new StringBuilder("<p>-- <br><strong>").append(Entities.escape(name)).append("</strong><br>")
                .append(Entities.escape(function)).append("<br>");
        if (uai != null) {
            html.append(Entities.escape(schools.getOrDefault(uai, "Établissement " + uai))).append(" (UAI ")
                    .append(Entities.escape(uai)).append(")<br>");
        }
        html.append("Académie d'Orléans-Tours");
        if (email != null) {
            html.append("<br><a href=\"mailto:").append(Entities.escape(email)).append("\">").append(Entities.escape(email)).append("</a>");
        }
        return new SignatureView(null, "Signature académique", html.append("</p>").toString(), false, false);
    }

    private static Map<String, String> schools() {
        Map<String, String> schools = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                SignatureTemplate.class.getResourceAsStream("/etablissements.csv"), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                int comma = line.indexOf(',');
                schools.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schools;
    }
}
