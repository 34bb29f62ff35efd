package fr.academie.iprof.appraisal;

import fr.academie.common.realm.Roles;
import fr.academie.iprof.access.Readers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** An inspector's view: the rendez-vous de carrière they conducted, and no other. */
@Path("/appraisals/conducted")
@Produces(MediaType.APPLICATION_JSON)
public class ConductedAppraisalResource {

    private final AppraisalService appraisals;
    private final Readers readers;

    public ConductedAppraisalResource(AppraisalService appraisals, Readers readers) {
        this.appraisals = appraisals;
        this.readers = readers;
    }

    @GET
    @RolesAllowed(Roles.INSPECTOR)
    public List<AppraisalView> conducted() {
        return appraisals.conductedBy(readers.current());
    }
}
