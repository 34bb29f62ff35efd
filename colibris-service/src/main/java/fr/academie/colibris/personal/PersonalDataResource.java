package fr.academie.colibris.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.colibris.actor.Actor;
import fr.academie.colibris.delegation.DelegationService;
import fr.academie.colibris.request.RequestService;
import fr.academie.colibris.request.RequestSummary;
import fr.academie.colibris.request.RequestView;
import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.personal.PersonalArchive;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code GET /personal-data}: what Colibris holds about the caller, for "Mes données" (GDPR article 15): her requests
 * as she sees them (form, history, exchanges, files' list), each file's original bytes, the delegations she gave or
 * held, and the opinions she was asked to give — under {@code demarches/}. The deciders' private notes and the
 * opinions about her requests stay out, as on her own page (the register says so).
 */
@Path("/personal-data")
@Authenticated
public class PersonalDataResource {

    private final RequestService requests;
    private final DelegationService delegations;
    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public PersonalDataResource(RequestService requests, DelegationService delegations, JsonWebToken token,
                                SecurityIdentity identity, ObjectMapper json) {
        this.requests = requests;
        this.delegations = delegations;
        this.token = token;
        this.identity = identity;
        this.json = json;
    }

    /** A file to put in the archive: where, and which attachment. */
    private record FileEntry(String name, UUID attachment) {
    }

    @GET
    @Produces(PersonalArchive.MEDIA_TYPE)
    public StreamingOutput export() {
        Actor me = delegations.caller(token, identity);
        List<RequestView> mine = new ArrayList<>();
        for (RequestSummary summary : Page.every(after -> requests.list(me.id(), Cursor.MAX_LIMIT, after))) {
            requests.find(me, summary.id()).ifPresent(mine::add);
        }
        Map<String, Object> records = new LinkedHashMap<>();
        records.put("demarches/demandes.json", mine);
        records.put("demarches/delegations.json", delegations.everyOf(me.id()));
        records.put("demarches/avis-demandes.json", requests.opinionsAskedOf(me));
        List<FileEntry> files = mine.stream().flatMap(request -> Stream.concat(
                        request.pieces().stream().filter(piece -> piece.file() != null).map(piece -> piece.file()),
                        request.messages().stream().flatMap(message -> message.attachments().stream()))
                .map(file -> new FileEntry("demarches/pieces/" + request.number() + "/" + file.id().toString()
                        .substring(0, 8) + "-" + PersonalArchive.fileName(file.fileName()), file.id()))).toList();
        return out -> {
            try (PersonalArchive archive = new PersonalArchive(out, json)) {
                for (Map.Entry<String, Object> record : records.entrySet()) {
                    archive.json(record.getKey(), record.getValue());
                }
                for (FileEntry file : files) { // one file in memory at a time, each read in its own transaction
                    byte[] content = QuarkusTransaction.requiringNew().call(() -> requests.download(me, file.attachment())
                            .map(RequestService.Download::content).orElse(null));
                    if (content != null) {
                        archive.file(file.name(), new ByteArrayInputStream(content));
                    }
                }
            }
        };
    }
}
