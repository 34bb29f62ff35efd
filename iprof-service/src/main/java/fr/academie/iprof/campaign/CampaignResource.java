package fr.academie.iprof.campaign;

import fr.academie.common.realm.Roles;
import fr.academie.iprof.access.Readers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;
import java.util.UUID;

/** Promotion campaigns, for HR: open one, read the answers, give the opinion and the outcome. */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HR)
public class CampaignResource {

    private final CampaignAdmin campaigns;
    private final Readers readers;

    public CampaignResource(CampaignAdmin campaigns, Readers readers) {
        this.campaigns = campaigns;
        this.readers = readers;
    }

    @GET
    public List<CampaignAdmin.CampaignView> list() {
        return campaigns.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public CampaignAdmin.CampaignView open(@Valid @NotNull(message = "envoyez la campagne") CampaignAdmin.CampaignInput input) {
        return campaigns.open(input);
    }

    @GET
    @Path("/{id}/applications")
    public List<CampaignAdmin.ApplicationView> applications(@PathParam("id") UUID id) {
        return campaigns.applications(readers.current(), id).orElseThrow(PromotionService::noCampaign);
    }

    @PUT
    @Path("/{id}/applications/{applicationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CampaignAdmin.ApplicationView decide(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId,
                                                @Valid @NotNull(message = "envoyez l'avis") CampaignAdmin.Decision decision) {
        return campaigns.decide(id, applicationId, decision).orElseThrow(CampaignAdmin::noApplication);
    }
}
