package fr.academie.iprof.campaign;

import fr.academie.common.problem.ProblemException;
import fr.academie.iprof.access.Part;
import fr.academie.iprof.access.Reader;
import fr.academie.iprof.agent.Agent;
import fr.academie.iprof.agent.RecordAccessPolicy;
import fr.academie.iprof.grid.AdvancementGrid;
import fr.academie.iprof.grid.Grids;
import fr.academie.iprof.shared.Paris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's promotion campaigns: those of her grade (with whether she may be promoted, and why) and those she
 * answered; her answer while a campaign is open, if she is eligible.
 */
@ApplicationScoped
@Transactional
public class PromotionService {

    private final RecordAccessPolicy records;
    private final Grids grids;
    private final Paris paris;

    public PromotionService(RecordAccessPolicy records, Grids grids, Paris paris) {
        this.records = records;
        this.grids = grids;
        this.paris = paris;
    }

    /** A campaign as the person sees it. */
    public record PromotionView(UUID campaignId, String kind, String title, LocalDate opensOn, LocalDate closesOn,
                                String state, boolean eligible, String explanation, Answer answer) {
    }

    /** Her answer; HR's opinion and the outcome only once published. */
    public record Answer(String decision, Instant decidedAt, String opinion, String outcome) {

        static Answer of(Application application) {
            return new Answer(application.decision, application.decidedAt,
                    application.published ? application.opinion : null, application.published ? application.outcome : null);
        }
    }

    public Optional<List<PromotionView>> of(String ref, Reader reader) {
        LocalDate today = paris.today();
        return records.whole(ref, reader, Part.APPLICATIONS).map(agent -> {
            Optional<AdvancementGrid> grid = grids.inForce(agent.corps, agent.grade, today);
            return PromotionCampaign.<PromotionCampaign>list("(fromGrade = ?1 and (fromCorps is null or fromCorps = ?2) and closesOn >= ?3)"
                            + " or id in (select a.campaignId from Application a where a.agentId = ?4) order by opensOn",
                    agent.grade, agent.corps, today, agent.id).stream().map(campaign -> view(campaign, agent, grid, today)).toList();
        });
    }

    /** The person applies ({@code candidat}) or declines ({@code renonce}); she may change her mind while it is open. */
    public Optional<PromotionView> answer(Reader reader, UUID campaignId, String decision) {
        LocalDate today = paris.today();
        return records.own(reader).map(agent -> {
            PromotionCampaign campaign = PromotionCampaign.<PromotionCampaign>findByIdOptional(campaignId).orElseThrow(PromotionService::noCampaign);
            Optional<AdvancementGrid> grid = grids.inForce(agent.corps, agent.grade, today);
            PromotionRule.Eligibility eligibility = campaign.rule().assess(agent.corps, agent.grade, agent.echelon,
                    agent.echelonSince, grid);
            if (!eligibility.eligible()) {
                throw ProblemException.conflict("urn:portail:iprof:not-eligible", "Non promouvable",
                        eligibility.explanation(), "decision");
            }
            campaign.checkOpen(today);
            // one answer per person and campaign, even when two tabs send one at once
            Agent.getEntityManager().lock(agent, LockModeType.PESSIMISTIC_WRITE);
            Application application = Application.of(campaign.id, agent.id).orElseGet(() -> {
                Application created = new Application();
                created.id = UUID.randomUUID();
                created.campaignId = campaign.id;
                created.agentId = agent.id;
                return created;
            });
            application.decision = decision;
            application.decidedAt = paris.now();
            application.persist();
            return view(campaign, agent, grid, today);
        });
    }

    private static PromotionView view(PromotionCampaign campaign, Agent agent, Optional<AdvancementGrid> grid, LocalDate today) {
        PromotionRule.Eligibility eligibility = campaign.rule().assess(agent.corps, agent.grade, agent.echelon,
                agent.echelonSince, grid);
        return new PromotionView(campaign.id, campaign.kind, campaign.title, campaign.opensOn, campaign.closesOn,
                campaign.state(today), eligibility.eligible(), eligibility.explanation(),
                Application.of(campaign.id, agent.id).map(Answer::of).orElse(null));
    }

    static ProblemException noCampaign() {
        return ProblemException.notFound("urn:portail:iprof:campaign-not-found", "Cette campagne de promotion n'existe pas.");
    }
}
