package fr.academie.mail.signature;

import java.util.UUID;

public record SignatureView(UUID id, String name, String bodyHtml, boolean defaultNew, boolean defaultReply) {

    static SignatureView of(Signature signature) {
        return new SignatureView(signature.id, signature.name, signature.bodyHtml, signature.defaultNew, signature.defaultReply);
    }
}
