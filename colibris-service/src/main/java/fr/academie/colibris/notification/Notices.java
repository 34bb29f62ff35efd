package fr.academie.colibris.notification;

import fr.academie.colibris.config.ColibrisConfig;
import fr.academie.colibris.request.HrRequest;
import fr.academie.colibris.request.RequestEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static fr.academie.colibris.catalogue.Campaign.PARIS;

/**
 * What a change of a request tells the person, written to the outbox in the change's own transaction: the type and
 * number, the new status, who decided and their comment, the next step and its deadline, and the link to the request.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(PARIS);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).withZone(PARIS);

    private final ColibrisConfig config;

    public Notices(ColibrisConfig config) {
        this.config = config;
    }

    /** Queues the person's message about that history entry, when it is one she is told of. */
    public void told(HrRequest request, RequestEvent event) {
        String status = switch (event.kind) {
            case SUBMITTED, RESUBMITTED -> "déposée";
            case APPROVED_STEP -> "acceptée à l'étape « " + request.type.definition.step(event.step).label() + " »";
            case APPROVED -> "acceptée";
            case REFUSED -> "refusée";
            case RETURNED -> "à compléter";
            case CREATED, WITHDRAWN -> null; // her own doing, shown on her page
        };
        if (status == null) {
            return;
        }
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.requestId = request.id;
        notice.recipientId = request.ownerId;
        notice.subject = "Demande n° " + request.number + " (" + request.type.label + ") : " + status;
        notice.text = text(request, event, status);
        notice.createdAt = event.at;
        notice.nextAttemptAt = event.at;
        notice.persist();
    }

    private String text(HrRequest request, RequestEvent event, String status) {
        List<String> lines = new ArrayList<>();
        lines.add("Bonjour" + (request.ownerName == null ? "" : " " + request.ownerName) + ",");
        lines.add("");
        lines.add("Votre demande n° " + request.number + " — " + request.type.label + " — est " + status + ".");
        if (event.kind != RequestEvent.Kind.SUBMITTED && event.kind != RequestEvent.Kind.RESUBMITTED) {
            lines.add("Par " + event.actorName + ", le " + WHEN.format(event.at) + ".");
        }
        if (event.comment != null) {
            lines.add((event.kind == RequestEvent.Kind.REFUSED ? "Motif : " : event.kind == RequestEvent.Kind.RETURNED
                    ? "À compléter : " : "Commentaire : ") + event.comment);
        }
        if (request.currentStep() != null) {
            lines.add("Elle attend maintenant : « " + request.currentStep().label() + " », au plus tard le "
                    + DAY.format(request.dueAt) + ".");
        }
        if (event.kind == RequestEvent.Kind.RETURNED) {
            lines.add("Complétez-la puis déposez-la de nouveau : elle reprendra à cette étape.");
        }
        lines.add("");
        lines.add("Pour la consulter : " + link(request));
        lines.add("");
        lines.add("Colibris – démarches RH de l'académie");
        return String.join("\n", lines);
    }

    /** The request's page in the portal (after sign-in, if the session has ended). */
    public String link(HrRequest request) {
        return config.publicUrl().replaceAll("/+$", "") + "/demarches/" + request.id;
    }
}
