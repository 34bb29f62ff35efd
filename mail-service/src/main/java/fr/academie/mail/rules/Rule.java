package fr.academie.mail.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One rule as the editor shows it, for a person who does not know Sieve: its name, whether it is on, whether all or
 * any of its conditions must hold (none: every message), and what it does. {@link RuleWriter} writes it as Sieve,
 * {@link RuleReader} reads it back.
 */
public record Rule(
        @Size(max = 200, message = "le nom d'une règle ne peut dépasser 200 caractères")
        @Pattern(regexp = "[^\\x00-\\x1f\\]]*", message = "le nom d'une règle ne peut contenir ni « ] » ni caractère de contrôle")
        String name,
        boolean enabled,
        @NotNull(message = "dites si toutes les conditions doivent être remplies (ALL) ou une seule (ANY)") Match match,
        @NotNull(message = "la liste des conditions est obligatoire (vide : tous les messages)")
        @Size(max = 20, message = "une règle a 20 conditions au plus") List<@NotNull(message = "une condition est vide") @Valid Condition> conditions,
        @NotNull(message = "une règle fait au moins une chose")
        @Size(min = 1, max = 20, message = "une règle fait entre une et 20 choses") List<@NotNull(message = "une action est vide") @Valid Action> actions) {

    public enum Match {
        ALL, ANY
    }

    /** What a message is tested on; the operator and the value that go with each are checked by {@link RuleWriter}. */
    public enum Field {
        /** The From: field (name or address). */
        FROM,
        /** The To: and Cc: fields. */
        TO_CC,
        SUBJECT,
        /** The List-Id: field of mailing lists (an empty value: any list). */
        LIST,
        /** Has an attachment (no value). */
        ATTACHMENT,
        /** Has an attachment of a type: a file extension ("pdf") or a media type ("application/pdf"). */
        ATTACHMENT_TYPE,
        /** Size, in kilobytes. */
        SIZE,
        /** What this server's MX found of the sender's domain (DMARC). */
        AUTHENTICATION,
        /** A notification of the portal's own services (Colibris, I-Prof), which cannot come from outside. */
        PORTAL
    }

    public enum Operator {
        CONTAINS, NOT_CONTAINS, IS, OVER, UNDER, PASSES, FAILS
    }

    public record Condition(
            @NotNull(message = "le champ testé est obligatoire") Field field,
            Operator operator,
            @Size(max = 500, message = "une valeur de condition ne peut dépasser 500 caractères")
            @Pattern(regexp = "[^\\x00-\\x1f]*", message = "une valeur de condition ne peut contenir de caractère de contrôle")
            String value) {
    }

    public enum Kind {
        /** Files into a folder (its path, "Factures/2026"). */
        MOVE,
        /** Puts one of the person's labels on it (its name). */
        LABEL,
        MARK_READ,
        FLAG,
        /** Runs no later rule. */
        STOP,
        /** Forwards it to an address ({@code copy}: a copy stays in the mailbox, the default). */
        FORWARD,
        /** Names its PDF attachments by a pattern ("{date}_{expéditeur}_{nom}": {@link AttachmentNames}). */
        RENAME_PDF
    }

    /** What a rule does; {@code copy} only for FORWARD (absent: true). */
    public record Action(
            @NotNull(message = "le type d'action est obligatoire") Kind kind,
            @Size(max = 500, message = "la valeur d'une action ne peut dépasser 500 caractères")
            @Pattern(regexp = "[^\\x00-\\x1f]*", message = "la valeur d'une action ne peut contenir de caractère de contrôle")
            String value,
            Boolean copy) {

        public Action(Kind kind, String value) {
            this(kind, value, null);
        }

        /** Whether a forward keeps a copy in the mailbox. */
        public boolean keepsCopy() {
            return copy == null || copy;
        }
    }
}
