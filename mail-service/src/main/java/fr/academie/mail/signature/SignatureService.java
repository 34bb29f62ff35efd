package fr.academie.mail.signature;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.html.HtmlSanitizer;
import fr.academie.mail.store.Writes;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A person's signatures: several, HTML, a default for new mail and one for replies (choosing one unsets the other). */
@ApplicationScoped
@Transactional
public class SignatureService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SignatureView> list(String ownerId) {
        return Signature.<Signature>list("ownerId = ?1 order by lower(name)", ownerId).stream().map(SignatureView::of).toList();
    }

    public SignatureView create(String ownerId, SignatureInput input) {
        Signature signature = new Signature();
        signature.id = UUID.randomUUID();
        signature.ownerId = ownerId;
        signature.createdAt = Instant.now();
        return SignatureView.of(apply(signature, input));
    }

    public Optional<SignatureView> change(String ownerId, UUID id, SignatureInput input) {
        return Signature.ofOwner(ownerId, id).map(signature -> SignatureView.of(apply(signature, input)));
    }

    public boolean delete(String ownerId, UUID id) {
        return Signature.delete("id = ?1 and ownerId = ?2", id, ownerId) > 0;
    }

    /** The signature a new message (or a reply) starts with, if the person chose one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> defaultFor(String ownerId, boolean reply) {
        return Signature.<Signature>find("ownerId = ?1 and " + (reply ? "defaultReply" : "defaultNew"), ownerId)
                .firstResultOptional().map(signature -> signature.bodyHtml);
    }

    private Signature apply(Signature signature, SignatureInput input) {
        // the previous defaults step down first: one default of each kind per person (unique indexes)
        if (input.defaultNew()) {
            Panache.getEntityManager().createQuery("update Signature set defaultNew = false where ownerId = ?1 and id <> ?2")
                    .setParameter(1, signature.ownerId).setParameter(2, signature.id).executeUpdate();
        }
        if (input.defaultReply()) {
            Panache.getEntityManager().createQuery("update Signature set defaultReply = false where ownerId = ?1 and id <> ?2")
                    .setParameter(1, signature.ownerId).setParameter(2, signature.id).executeUpdate();
        }
        signature.name = input.name().strip();
        signature.bodyHtml = HtmlSanitizer.forSending(input.bodyHtml());
        signature.defaultNew = input.defaultNew();
        signature.defaultReply = input.defaultReply();
        signature.persist();
        Writes.flushUnique(() -> ProblemException.conflict("urn:portail:mail:signature-name-taken", "Nom déjà utilisé",
                "Une signature « " + signature.name + " » existe déjà : choisissez un autre nom.", "name"));
        return signature;
    }
}
