package fr.academie.iprof.campaign;

import fr.academie.common.problem.ProblemException;
import fr.academie.common.realm.Roles;
import fr.academie.iprof.access.AccessLog;
import fr.academie.iprof.access.Part;
import fr.academie.iprof.access.Reader;
import fr.academie.iprof.agent.Agent;
import fr.academie.iprof.shared.Paris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** HR's side of the promotion campaigns: opening one, reading the answers, giving the opinion and the outcome. */
@ApplicationScoped
@Transactional
public class CampaignAdmin {

    private final AccessLog log;
    private final Paris paris;

    public CampaignAdmin(AccessLog log, Paris paris) {
        this.log = log;
        this.paris = paris;
    }

    /** A campaign as HR opens it. */
    public record CampaignInput(
            @NotBlank(message = "choisissez le type") @Pattern(regexp = "hors-classe|classe-exceptionnelle",
                    message = "le type doit être hors-classe ou classe-exceptionnelle") String kind,
            @NotBlank(message = "donnez un intitulé")
            @Size(max = 255, message = "l'intitulé ne peut dépasser 255 caractères") String title,
            @NotNull(message = "la date d'ouverture est obligatoire") LocalDate opensOn,
            @NotNull(message = "la date de clôture est obligatoire") LocalDate closesOn,
            @Size(max = 255, message = "le corps d'origine ne peut dépasser 255 caractères") String fromCorps,
            @NotBlank(message = "le grade d'origine est obligatoire")
            @Size(max = 255, message = "le grade d'origine ne peut dépasser 255 caractères") String fromGrade,
            @NotNull(message = "l'échelon est obligatoire") @Min(value = 1, message = "l'échelon minimal est entre 1 et 20")
            @Max(value = 20, message = "l'échelon minimal est entre 1 et 20") Integer minEchelon,
            @NotNull(message = "l'ancienneté est obligatoire") @Min(value = 0, message = "l'ancienneté est entre 0 et 20 ans")
            @Max(value = 20, message = "l'ancienneté est entre 0 et 20 ans") Integer minYears,
            @NotNull(message = "la date d'appréciation des conditions est obligatoire") LocalDate referenceDate) {
    }

    /** A campaign as HR lists it, with its rule in plain French. */
    public record CampaignView(UUID id, String kind, String title, LocalDate opensOn, LocalDate closesOn, String state,
                               String condition) {

        static CampaignView of(PromotionCampaign campaign, LocalDate today) {
            return new CampaignView(campaign.id, campaign.kind, campaign.title, campaign.opensOn, campaign.closesOn,
                    campaign.state(today), campaign.rule().condition());
        }
    }

    /** An answer to a campaign, with what HR needs to give the opinion. */
    public record ApplicationView(UUID id, UUID agentId, String agentName, String corps, String grade, int echelon,
                                  String decision, Instant decidedAt, String opinion, String outcome, boolean published,
                                  int version) {
    }

    /** HR's opinion and the outcome; {@code version} is the one HR read (a concurrent change is refused). */
    public record Decision(
            @Pattern(regexp = "tres-favorable|favorable|reserve|defavorable",
                    message = "l'avis doit être tres-favorable, favorable, reserve ou defavorable") String opinion,
            @Pattern(regexp = "promu|non-promu", message = "le résultat doit être promu ou non-promu") String outcome,
            boolean published,
            @NotNull(message = "renvoyez la version lue") Integer version) {
    }

    public List<CampaignView> list() {
        LocalDate today = paris.today();
        return PromotionCampaign.<PromotionCampaign>list("order by opensOn desc").stream().map(c -> CampaignView.of(c, today)).toList();
    }

    public CampaignView open(CampaignInput input) {
        if (input.closesOn().isBefore(input.opensOn())) {
            throw ProblemException.invalid("urn:portail:iprof:invalid-campaign", "closesOn",
                    "La date de clôture doit suivre la date d'ouverture.");
        }
        PromotionCampaign campaign = new PromotionCampaign();
        campaign.id = UUID.randomUUID();
        campaign.kind = input.kind();
        campaign.title = input.title().strip();
        campaign.opensOn = input.opensOn();
        campaign.closesOn = input.closesOn();
        campaign.fromCorps = input.fromCorps() == null || input.fromCorps().isBlank() ? null : input.fromCorps().strip();
        campaign.fromGrade = input.fromGrade().strip();
        campaign.minEchelon = input.minEchelon();
        campaign.minYears = input.minYears();
        campaign.referenceDate = input.referenceDate();
        campaign.persist();
        return CampaignView.of(campaign, paris.today());
    }

    /** The answers to a campaign; each agent's answer read is logged for them. */
    public Optional<List<ApplicationView>> applications(Reader reader, UUID campaignId) {
        return PromotionCampaign.<PromotionCampaign>findByIdOptional(campaignId).map(campaign -> {
            List<Application> applications = Application.list("campaignId = ?1 order by decidedAt", campaign.id);
            Map<UUID, Agent> agents = Agent.<Agent>list("id in ?1", applications.stream().map(a -> a.agentId).toList())
                    .stream().collect(Collectors.toMap(agent -> agent.id, Function.identity()));
            log.record(reader, Roles.HR, Part.APPLICATIONS, agents.keySet());
            return applications.stream().map(a -> view(a, agents.get(a.agentId))).toList();
        });
    }

    public Optional<ApplicationView> decide(UUID campaignId, UUID applicationId, Decision decision) {
        return Application.<Application>findByIdOptional(applicationId).filter(a -> a.campaignId.equals(campaignId))
                .map(application -> {
                    if (application.version != decision.version()) {
                        throw ProblemException.conflict("urn:portail:iprof:concurrent-change", "Modification concurrente",
                                "Cette candidature a été modifiée entre-temps par une autre personne : rechargez-la "
                                        + "avant de saisir l'avis.", "version");
                    }
                    application.opinion = decision.opinion();
                    application.outcome = decision.outcome();
                    application.published = decision.published();
                    Application.getEntityManager().flush(); // the new version, in the answer
                    return view(application, Agent.findById(application.agentId));
                });
    }

    private static ApplicationView view(Application a, Agent agent) {
        return new ApplicationView(a.id, a.agentId, agent.fullName(), agent.corps, agent.grade, agent.echelon, a.decision,
                a.decidedAt, a.opinion, a.outcome, a.published, a.version);
    }

    static ProblemException noApplication() {
        return ProblemException.notFound("urn:portail:iprof:application-not-found",
                "Cette candidature n'existe pas dans cette campagne.");
    }
}
