package fr.academie.iprof.campaign;

import fr.academie.iprof.access.Readers;
import fr.academie.iprof.agent.RecordAccessPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** The promotion campaigns of a record (person, HR) and the person's answers (at {@code me}). */
@Path("/agents/{ref}/promotions")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionResource {

    private final PromotionService promotions;
    private final Readers readers;

    public PromotionResource(PromotionService promotions, Readers readers) {
        this.promotions = promotions;
        this.readers = readers;
    }

    /** Apply or decline. */
    public record Decision(@NotBlank(message = "choisissez candidat ou renonce")
                           @Pattern(regexp = "candidat|renonce", message = "la réponse doit être candidat ou renonce")
                           String decision) {
    }

    @GET
    public List<PromotionService.PromotionView> list(@PathParam("ref") String ref) {
        return promotions.of(ref, readers.current()).orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }

    @PUT
    @Path("{campaignId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PromotionService.PromotionView answer(@PathParam("ref") String ref, @PathParam("campaignId") UUID campaignId,
                                                 @Valid @NotNull(message = "envoyez votre réponse") Decision body) {
        RecordAccessPolicy.requireMe(ref);
        return promotions.answer(readers.current(), campaignId, body.decision())
                .orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }
}
