package fr.academie.mail.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An account whose mail programs lose their access, and why (its account disabled, or its password to change). */
public record AccessRevocationInput(
        @NotBlank(message = "le compte est obligatoire")
        @Size(max = 64, message = "l'identifiant du compte ne peut dépasser 64 caractères")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "l'identifiant du compte ne peut contenir de caractère de contrôle")
        String accountId,
        @NotNull(message = "la raison est obligatoire (COMPTE_DESACTIVE ou MOT_DE_PASSE_CHANGE)")
        Reason reason) {

    /** Why: the account was disabled, or its password must change ("ce n'était pas moi", an administrator's reset). */
    public enum Reason {
        COMPTE_DESACTIVE(AppPassword.Revocation.COMPTE_DESACTIVE),
        MOT_DE_PASSE_CHANGE(AppPassword.Revocation.MOT_DE_PASSE_CHANGE);

        final AppPassword.Revocation revocation;

        Reason(AppPassword.Revocation revocation) {
            this.revocation = revocation;
        }
    }
}
