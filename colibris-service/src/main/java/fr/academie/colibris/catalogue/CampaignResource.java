package fr.academie.colibris.catalogue;

import fr.academie.common.problem.Problem;
import fr.academie.common.realm.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.LocalDateTime;
import java.util.UUID;

/** HR's hand on the campaigns: a later closing, with the reason people will read on the campaign. */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;
    private final JsonWebToken token;

    public CampaignResource(CampaignService campaigns, JsonWebToken token) {
        this.campaigns = campaigns;
        this.token = token;
    }

    /** The new closing, in Paris time as HR reads the calendar ("2027-02-05T18:00"), and why. */
    public record Extension(@NotNull(message = "indiquez la nouvelle date de clôture") LocalDateTime closesAt,
                            @NotBlank(message = "indiquez le motif de la prolongation : il sera affiché sur la campagne")
                            @Size(max = 900, message = "le motif ne peut dépasser 900 caractères") String reason,
                            @NotNull(message = "la version lue est obligatoire") Long version) {
    }

    @POST
    @Path("{id}/extension")
    @RolesAllowed(Roles.HR)
    public CampaignView extend(@PathParam("id") UUID id, @Valid @NotNull(message = Problem.NO_BODY) Extension input) {
        String name = token.getClaim("name");
        return campaigns.extendByHand(id, input.closesAt(), input.reason(), input.version(), token.getSubject(),
                name != null ? name : token.getClaim("preferred_username"));
    }
}
