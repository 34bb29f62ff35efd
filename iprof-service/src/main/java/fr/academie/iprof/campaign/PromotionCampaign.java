package fr.academie.iprof.campaign;

import fr.academie.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

import static fr.academie.common.date.FrenchDates.day;

/** A promotion campaign: its kind, its window (days in Europe/Paris, both included) and its eligibility rule. */
@Entity
@Table(name = "campaign")
public class PromotionCampaign extends PanacheEntityBase {

    @Id
    public UUID id;

    /** hors-classe or classe-exceptionnelle. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "opens_on", nullable = false)
    public LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    public LocalDate closesOn;

    @Column(name = "from_corps")
    public String fromCorps;

    @Column(name = "from_grade", nullable = false)
    public String fromGrade;

    @Column(name = "min_echelon", nullable = false)
    public int minEchelon;

    @Column(name = "min_years", nullable = false)
    public int minYears;

    @Column(name = "reference_date", nullable = false)
    public LocalDate referenceDate;

    public PromotionRule rule() {
        return new PromotionRule(fromCorps, fromGrade, minEchelon, minYears, referenceDate);
    }

    /** ouverte, a-venir or close on the day. */
    public String state(LocalDate today) {
        return today.isBefore(opensOn) ? "a-venir" : today.isAfter(closesOn) ? "close" : "ouverte";
    }

    /** Applying or declining is possible while the campaign is open, and only then. */
    void checkOpen(LocalDate today) {
        if (!"ouverte".equals(state(today))) {
            throw ProblemException.conflict("urn:portail:iprof:campaign-closed", "Campagne fermée",
                    "La campagne « " + title + " » " + (today.isBefore(opensOn) ? "sera" : "était") + " ouverte du "
                            + day(opensOn) + " au " + day(closesOn) + " inclus : votre choix ne peut être "
                            + "enregistré qu'à ces dates.", "decision");
        }
    }
}
