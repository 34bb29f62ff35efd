package fr.academie.colibris.catalogue;

import java.util.List;

/** A supporting document a request type asks for (pièce justificative): its allowed content types and size. */
public record AttachmentSpec(String code, String label, boolean required, List<String> contentTypes, long maxBytes) {

    public AttachmentSpec {
        contentTypes = contentTypes == null ? List.of() : List.copyOf(contentTypes);
    }
}
