package fr.academie.colibris.catalogue;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A request type as the catalogue file ({@code catalogue.json}) writes it: the form as a JSON Schema (each property
 * with its French {@code title}), the supporting documents, the validation circuit, and — when the type is filed in
 * campaigns — the campaign windows, in Europe/Paris local time.
 */
public record TypeDefinition(String code, String label, String description, JsonNode form,
                             List<AttachmentSpec> attachments, List<Step> circuit, boolean campaign,
                             List<CampaignWindow> campaigns) {

    public TypeDefinition {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        circuit = circuit == null ? List.of() : List.copyOf(circuit); // null: a row written before its definition
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    }

    /** A campaign as the catalogue seeds it; HR may extend it later. */
    public record CampaignWindow(String code, String label, LocalDateTime opens, LocalDateTime closes) {
    }

    /** The supporting document of that code, if the type asks for it. */
    public java.util.Optional<AttachmentSpec> piece(String code) {
        return attachments.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** The step at this position (1-based). */
    public Step step(int number) {
        return circuit.get(number - 1);
    }
}
