package fr.academie.mail.contact;

import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /contacts?q=…}: suggestions for the recipient fields (at least 2 characters, at most 10 answers). */
@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private static final int MAX = 10;

    private final ContactService contacts;
    private final JsonWebToken token;

    public ContactResource(ContactService contacts, JsonWebToken token) {
        this.contacts = contacts;
        this.token = token;
    }

    @GET
    public Page<Contact> suggest(@QueryParam("q") String text) {
        String query = text == null ? "" : text.strip();
        if (query.length() < 2 || query.length() > 100) {
            throw ProblemException.invalid("urn:portail:mail:invalid-contact-query", "q",
                    "Tapez entre 2 et 100 caractères d'un nom ou d'une adresse.");
        }
        return Page.all(contacts.suggest(token.getSubject(), query, MAX));
    }
}
