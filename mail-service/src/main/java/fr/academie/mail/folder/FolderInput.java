package fr.academie.mail.folder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A personal folder as the person names and places it: {@code parentId} null for the top level. A name has no
 * "/" (the separator of folder paths, here and for a later IMAP access).
 */
public record FolderInput(
        @NotBlank(message = "le nom du dossier est obligatoire")
        @Size(max = 100, message = "le nom du dossier ne peut dépasser 100 caractères")
        @Pattern(regexp = "[^/\\p{Cntrl}]*", message = "le nom du dossier ne peut contenir « / » ni de caractère de contrôle")
        String name,
        UUID parentId) {
}
