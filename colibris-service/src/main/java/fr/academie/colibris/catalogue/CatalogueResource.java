package fr.academie.colibris.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.academie.common.page.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The catalogue of request types, as the "Nouvelle démarche" page needs it: the form to show and the campaigns. */
@Path("/types")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private final Catalogue catalogue;

    public CatalogueResource(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A type: its form (JSON Schema), its circuit's steps and, when filed in campaigns, their windows. */
    public record TypeView(String code, String label, String description, JsonNode form, List<String> circuit,
                           boolean campaign, List<CampaignView> campaigns) {
    }

    @GET
    public Page<TypeView> list() {
        Map<String, List<CampaignView>> campaigns = catalogue.campaignViews(Instant.now());
        return Page.all(catalogue.types().stream().map(type -> new TypeView(type.code, type.label,
                type.definition.description(), type.definition.form(),
                type.definition.circuit().stream().map(Step::label).toList(), type.definition.campaign(),
                campaigns.getOrDefault(type.code, List.of()))).toList());
    }
}
