package fr.academie.iprof.cv;

import fr.academie.common.problem.ProblemException;
import fr.academie.iprof.access.Part;
import fr.academie.iprof.access.Reader;
import fr.academie.iprof.agent.Agent;
import fr.academie.iprof.agent.RecordAccessPolicy;
import fr.academie.iprof.shared.Paris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The CV: written by the person, read by her and HR. */
@ApplicationScoped
@Transactional
public class CvService {

    /** A CV is a page, not a store: a bound on its lines keeps a script from filling the database. */
    static final int MAX_LINES = 200;

    private final RecordAccessPolicy records;
    private final Paris paris;

    public CvService(RecordAccessPolicy records, Paris paris) {
        this.records = records;
        this.paris = paris;
    }

    /** A line as the person writes it. */
    public record CvInput(
            @NotBlank(message = "choisissez une rubrique")
            @Pattern(regexp = "qualification|diplome|certification|formation|langue",
                    message = "la rubrique doit être qualification, diplome, certification, formation ou langue")
            String kind,
            @NotBlank(message = "donnez un intitulé")
            @Size(max = 255, message = "l'intitulé ne peut dépasser 255 caractères") String title,
            @Size(max = 2000, message = "le détail ne peut dépasser 2 000 caractères") String detail,
            LocalDate obtainedOn) {
    }

    /** A line as the CV shows it. */
    public record CvView(UUID id, String kind, String title, String detail, LocalDate obtainedOn, Instant createdAt,
                         Instant changedAt) {

        static CvView of(CvEntry entry) {
            return new CvView(entry.id, entry.kind, entry.title, entry.detail, entry.obtainedOn, entry.createdAt,
                    entry.changedAt);
        }
    }

    public Optional<List<CvView>> of(String ref, Reader reader) {
        return records.whole(ref, reader, Part.CV).map(agent -> CvEntry.<CvEntry>list(
                "agentId = ?1 order by kind, obtainedOn desc nulls last, createdAt", agent.id).stream().map(CvView::of).toList());
    }

    public Optional<CvView> add(Reader reader, CvInput input) {
        return records.own(reader).map(agent -> {
            checkDate(input);
            if (CvEntry.count("agentId", agent.id) >= MAX_LINES) {
                throw ProblemException.conflict("urn:portail:iprof:cv-full", "CV complet", "Votre CV compte déjà "
                        + MAX_LINES + " lignes : supprimez-en avant d'en ajouter.", null);
            }
            CvEntry entry = new CvEntry();
            entry.id = UUID.randomUUID();
            entry.agentId = agent.id;
            entry.createdAt = paris.now();
            entry.write(input, entry.createdAt);
            entry.persist();
            return CvView.of(entry);
        });
    }

    public Optional<CvView> change(Reader reader, UUID id, CvInput input) {
        return records.own(reader).map(agent -> {
            checkDate(input);
            CvEntry entry = line(agent, id);
            entry.write(input, paris.now());
            return CvView.of(entry);
        });
    }

    public boolean remove(Reader reader, UUID id) {
        return records.own(reader).map(agent -> {
            line(agent, id).delete();
            return true;
        }).orElse(false);
    }

    private void checkDate(CvInput input) {
        if (input.obtainedOn() != null && input.obtainedOn().isAfter(paris.today())) {
            throw ProblemException.invalid("urn:portail:iprof:invalid-cv-entry", "obtainedOn",
                    "La date d'obtention ne peut pas être dans le futur.");
        }
    }

    private static CvEntry line(Agent agent, UUID id) {
        return CvEntry.<CvEntry>findByIdOptional(id).filter(entry -> entry.agentId.equals(agent.id))
                .orElseThrow(() -> ProblemException.notFound("urn:portail:iprof:cv-entry-not-found",
                        "Cette ligne n'existe pas dans votre CV."));
    }
}
