package fr.academie.mail.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.common.personal.PersonalArchive;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.FolderView;
import fr.academie.mail.transfer.MboxService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /personal-data}: the caller's mailbox for "Mes données" (GDPR article 15): each folder as an mbox file,
 * byte for byte what {@code /folders/{id}/export} gives (streamed, a page of messages at a time), under
 * {@code messagerie/dossiers/}, and her settings and records as JSON: drafts, labels, signatures, rules, auto-reply,
 * forwarding and its journal, trusted senders, application passwords (names and dates; a password itself is never
 * kept).
 */
@Path("/personal-data")
@Authenticated
public class PersonalDataResource {

    private final FolderService folders;
    private final MboxService mbox;
    private final MailRecords records;
    private final JsonWebToken token;
    private final ObjectMapper json;

    public PersonalDataResource(FolderService folders, MboxService mbox, MailRecords records, JsonWebToken token,
                                ObjectMapper json) {
        this.folders = folders;
        this.mbox = mbox;
        this.records = records;
        this.token = token;
        this.json = json;
    }

    @GET
    @Produces(PersonalArchive.MEDIA_TYPE)
    public StreamingOutput export() {
        String owner = token.getSubject();
        List<FolderView> all = folders.list(owner);
        Map<UUID, FolderView> byId = all.stream().collect(Collectors.toMap(FolderView::id, Function.identity()));
        Map<String, Object> settings = records.of(owner);
        return out -> {
            try (PersonalArchive archive = new PersonalArchive(out, json)) {
                Set<String> written = new HashSet<>();
                for (FolderView folder : all) {
                    String path = path(folder, byId);
                    // two names that read the same once made fit for a file ("A/B" and "A_B") each keep their file
                    for (int n = 2; !written.add(path); n++) {
                        path = path(folder, byId) + " (" + n + ")";
                    }
                    archive.file("messagerie/dossiers/" + path + ".mbox", to -> mbox.export(owner, folder.id(), to));
                }
                for (Map.Entry<String, Object> record : settings.entrySet()) {
                    archive.json("messagerie/" + record.getKey(), record.getValue());
                }
            }
        };
    }

    /** "Projets/Fiscalité": the folder's names from the top, each fit for a file name. */
    private static String path(FolderView folder, Map<UUID, FolderView> byId) {
        String name = PersonalArchive.fileName(folder.name());
        FolderView parent = folder.parentId() == null ? null : byId.get(folder.parentId());
        return parent == null ? name : path(parent, byId) + "/" + name;
    }
}
