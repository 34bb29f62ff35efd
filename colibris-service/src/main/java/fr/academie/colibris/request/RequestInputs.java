package fr.academie.colibris.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** What the API accepts to create, change and move a request. */
public final class RequestInputs {

    private RequestInputs() {
    }

    /** A new draft: its type and, optionally, the form as filled so far. */
    public record NewRequest(@NotBlank(message = "choisissez le type de démarche") String type, ObjectNode form) {
    }

    /** The form as the person changed it, with the version they read. */
    public record Edit(@NotNull(message = "le formulaire est obligatoire") ObjectNode form,
                       @NotNull(message = "la version lue est obligatoire") Long version) {
    }

    /** A transition of the person's (submit, withdraw): the version they read. */
    public record Move(@NotNull(message = "la version lue est obligatoire") Long version) {
    }

    /** A decider's decision on the current step. */
    public record Decision(@NotNull(message = "choisissez : accepter, refuser ou renvoyer pour complément") Kind decision,
                           @Size(max = 4000, message = "le commentaire ne peut dépasser 4 000 caractères") String comment,
                           @NotNull(message = "la version lue est obligatoire") Long version) {

        public enum Kind {
            APPROVE,
            REFUSE,
            RETURN
        }
    }

    /**
     * A message of the exchanges; {@code privateNote}: a decider's note the person will not see; {@code attachments}:
     * the files the author joined for it (each uploaded first).
     */
    public record Message(@NotBlank(message = "écrivez votre message")
                          @Size(max = 4000, message = "le message ne peut dépasser 4 000 caractères")
                          String text, boolean privateNote,
                          @Size(max = 10, message = "un message a 10 pièces jointes au plus") List<UUID> attachments) {

        public Message {
            attachments = attachments == null ? List.of() : attachments;
        }
    }

    static JsonNode formOrEmpty(ObjectNode form) {
        return form == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : form;
    }
}
