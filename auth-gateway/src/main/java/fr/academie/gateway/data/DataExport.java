package fr.academie.gateway.data;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.notification.MailNotifier;
import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.gateway.admin.AuditAction;
import fr.academie.gateway.admin.AuditLog;
import fr.academie.gateway.outbound.Letters;
import fr.academie.gateway.config.GatewayConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * "Mes données": a person's request for everything the portal holds about her (GDPR article 15), its archive made in
 * the background within minutes, her one download of it within {@link #LINK_VALID}, and the log of both in the audit
 * log. An administrator lists the requests with their legal deadline (a month).
 */
@ApplicationScoped
public class DataExport {

    private static final Logger LOG = Logger.getLogger(DataExport.class);
    /** How long the archive waits for its download. */
    static final Period LINK_VALID = Period.ofDays(7);
    /** The GDPR's time to answer a request (article 12(3)). */
    static final Period DEADLINE = Period.ofMonths(1);
    private static final String INTERRUPTED = "La préparation a été interrompue : demandez de nouveau vos données.";

    private final ArchiveAssembly assembly;
    private final AuditLog audit;
    private final MailNotifier mail;
    private final GatewayConfig config;
    /**
     * Two archives made at once at most, the others wait their turn; no request context is carried into them (the
     * request that asked has ended): each step opens its own transaction.
     */
    private final ExecutorService makers = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "data-archive");
        thread.setDaemon(true);
        return thread;
    });

    DataExport(ArchiveAssembly assembly, AuditLog audit, MailNotifier mail, GatewayConfig config) {
        this.assembly = assembly;
        this.audit = audit;
        this.mail = mail;
        this.config = config;
    }

    @PreDestroy
    void stop() {
        makers.shutdownNow();
    }

    /** A request as its owner reads it. */
    public record View(UUID id, Instant requestedAt, DataRequest.Status status, String statusLabel, Instant readyAt,
                       Instant expiresAt, Instant downloadedAt, Long sizeBytes, String failure) {

        static View of(DataRequest request, Instant now) {
            DataRequest.Status status = request.status(now);
            return new View(request.id, request.requestedAt, status, status.label(), request.readyAt, request.expiresAt,
                    request.downloadedAt, request.sizeBytes, status != DataRequest.Status.FAILED ? null
                    : request.failure != null ? request.failure : INTERRUPTED);
        }
    }

    /** A request as an administrator follows it: whose, and the day it must be answered by. */
    public record AdminView(UUID id, String identifier, String name, Instant requestedAt, LocalDate deadline,
                            DataRequest.Status status, String statusLabel, Instant readyAt, Instant downloadedAt) {

        static AdminView of(DataRequest request, Instant now) {
            DataRequest.Status status = request.status(now);
            return new AdminView(request.id, request.ownerIdentifier, request.ownerName, request.requestedAt,
                    LocalDate.ofInstant(request.requestedAt, FrenchDates.PARIS).plus(DEADLINE), status, status.label(),
                    request.readyAt, request.downloadedAt);
        }
    }

    /**
     * Records the request (and logs it), then makes its archive in the background with her access token; a request
     * already in preparation is a 409.
     */
    View request(Person person, Map<String, Object> account, String accessToken) {
        DataRequest request = QuarkusTransaction.requiringNew().call(() -> {
            if (DataRequest.count("ownerId = ?1 and readyAt is null and failedAt is null and requestedAt > ?2",
                    person.id(), Instant.now().minus(DataRequest.STALLED)) > 0) {
                throw ProblemException.conflict("urn:portail:gateway:data-request-pending", "Demande en cours",
                        "Vos données sont déjà en préparation : vous serez prévenu(e) dans votre messagerie.", null);
            }
            DataRequest fresh = new DataRequest();
            fresh.id = UUID.randomUUID();
            fresh.ownerId = person.id();
            fresh.ownerIdentifier = person.identifier();
            fresh.ownerName = person.name();
            fresh.requestedAt = Instant.now();
            fresh.persist();
            audit.record(new AuditLog.Actor(person.id(), person.identifier()), AuditAction.DATA_REQUESTED, person.id(),
                    person.identifier(), "demande " + fresh.id);
            return fresh;
        });
        makers.execute(() -> prepare(request.id, person, request.requestedAt, account, accessToken));
        return View.of(request, Instant.now());
    }

    private void prepare(UUID id, Person person, Instant requestedAt, Map<String, Object> account, String accessToken) {
        ArchiveChunks chunks = new ArchiveChunks(id);
        try {
            assembly.write(chunks, person, requestedAt, account, accessToken);
            long size = chunks.finish();
            Instant ready = Instant.now();
            Instant expires = ready.atZone(FrenchDates.PARIS).plus(LINK_VALID).toInstant();
            QuarkusTransaction.requiringNew().run(() -> DataRequest.update(
                    "readyAt = :ready, expiresAt = :expires, sizeBytes = :size where id = :id",
                    Parameters.with("ready", ready).and("expires", expires).and("size", size).and("id", id)));
            Letters.sent(mail, "data-export-" + id, person.id(), "Vos données sont prêtes", Letters.text(person.firstName(),
                    "Vos données personnelles, demandées le " + FrenchDates.weekdayAndTime(requestedAt)
                            + ", sont prêtes.",
                    "Téléchargez-les depuis « Mon compte », rubrique « Mes données », avant le "
                            + FrenchDates.weekdayAndTime(expires) + " : le lien ne sert qu'une fois.",
                    "", config.publicUrl().resolve("/compte#donnees").toString(), "",
                    "Si vous n'avez rien demandé, signalez-le à l'assistance."));
        } catch (Exception e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "Data archive %s could not be made (incident %s)", id, incident);
            ArchiveChunks.delete(id);
            String why = e instanceof ArchiveAssembly.PartMissing ? e.getMessage() : "erreur interne";
            QuarkusTransaction.requiringNew().run(() -> DataRequest.update(
                    "failedAt = :now, failure = :why where id = :id", Parameters.with("now", Instant.now())
                            .and("why", "La préparation a échoué (" + why + ", incident " + incident
                                    + ") : demandez de nouveau vos données.").and("id", id)));
        }
    }

    /** Her requests, newest first. */
    List<View> of(String ownerId) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> DataRequest.<DataRequest>list(
                "ownerId = ?1 order by requestedAt desc", ownerId).stream().map(r -> View.of(r, now)).toList());
    }

    /**
     * Claims her ready archive for its one download (the first caller wins; the audit log records the delivery); a
     * problem says why not. Empty when the request is not hers.
     */
    Optional<DataRequest> claim(Person person, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<DataRequest> found = DataRequest.<DataRequest>find("id = ?1 and ownerId = ?2", id, person.id())
                    .firstResultOptional();
            if (found.isEmpty()) {
                return found;
            }
            switch (found.get().status(Instant.now())) {
                case PREPARING -> throw ProblemException.conflict("urn:portail:gateway:data-archive-not-ready",
                        "Pas encore prête", "Vos données sont encore en préparation : réessayez dans quelques minutes.", null);
                case FAILED -> throw ProblemException.conflict("urn:portail:gateway:data-archive-failed",
                        "Préparation échouée", found.get().failure != null ? found.get().failure : INTERRUPTED, null);
                case DOWNLOADED -> throw gone("urn:portail:gateway:data-archive-used",
                        "Cette archive a déjà été téléchargée : le lien ne sert qu'une fois. Demandez de nouveau vos données.");
                case EXPIRED -> throw gone("urn:portail:gateway:data-archive-expired",
                        "Cette archive a expiré (7 jours après sa préparation). Demandez de nouveau vos données.");
                case READY -> {
                    // one download: of two at once, the update of the second changes nothing
                    if (DataRequest.update("downloadedAt = ?1 where id = ?2 and downloadedAt is null", Instant.now(), id) == 0) {
                        throw gone("urn:portail:gateway:data-archive-used", "Cette archive est déjà en cours de téléchargement.");
                    }
                }
            }
            audit.record(new AuditLog.Actor(person.id(), person.identifier()), AuditAction.DATA_DELIVERED, person.id(),
                    person.identifier(), "demande " + id);
            return found;
        });
    }

    private static ProblemException gone(String type, String detail) {
        return new ProblemException(type, "Lien expiré", 410, detail, null);
    }

    /** Every request, newest first, for the administrators. */
    public Page<AdminView> all(int limit, Cursor after) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            Parameters parameters = new Parameters();
            String where = "";
            if (after != null) {
                where = "where " + Cursor.after("requestedAt");
                after.parameters().forEach(parameters::and);
            }
            return Page.of(DataRequest.<DataRequest>find(where + " order by requestedAt desc, id desc", parameters)
                    .range(0, limit).list(), limit, r -> new Cursor(r.requestedAt, r.id), r -> AdminView.of(r, now));
        });
    }

    /** Archives never downloaded are deleted when their link expires (the request stays, as the record of it). */
    @Scheduled(identity = "data-archives-expiry", every = "1h", delayed = "10m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetExpiredArchives() {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from data_archive_chunk where request_id in"
                        + " (select id from data_request where expires_at < now())").executeUpdate());
    }
}
