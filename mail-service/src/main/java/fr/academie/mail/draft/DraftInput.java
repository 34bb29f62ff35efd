package fr.academie.mail.draft;

import fr.academie.mail.mime.ParsedMessage;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A draft as the editor saves it. Addresses are checked when the message is sent, not while it is written (a
 * half-typed address is kept). {@code version}: the one the editor last saw, to refuse overwriting another tab's save.
 */
public record DraftInput(
        @Size(max = 200, message = "un message ne peut avoir plus de 200 destinataires « À »") List<ParsedMessage.Address> to,
        @Size(max = 200, message = "un message ne peut avoir plus de 200 destinataires « Cc »") List<ParsedMessage.Address> cc,
        @Size(max = 200, message = "un message ne peut avoir plus de 200 destinataires « Cci »") List<ParsedMessage.Address> bcc,
        @Size(max = 998, message = "l'objet ne peut dépasser 998 caractères") String subject,
        @Size(max = 5_000_000, message = "le texte du message ne peut dépasser 5 millions de caractères") String bodyHtml,
        Integer version) {

    Draft.Recipients recipients() {
        return new Draft.Recipients(clean(to), clean(cc), clean(bcc));
    }

    private static List<ParsedMessage.Address> clean(List<ParsedMessage.Address> addresses) {
        return addresses == null ? List.of() : addresses.stream()
                .filter(a -> a != null && a.address() != null && !a.address().isBlank())
                .map(a -> new ParsedMessage.Address(a.name() == null || a.name().isBlank() ? null : a.name().strip(),
                        a.address().strip()))
                .toList();
    }
}
