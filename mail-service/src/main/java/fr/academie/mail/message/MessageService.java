package fr.academie.mail.message;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.mail.folder.FolderService;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lists of messages, newest first, by keyset pages. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MessageService {

    private final FolderService folders;

    public MessageService(FolderService folders) {
        this.folders = folders;
    }

    /** A page of the folder's messages, or empty when the folder is not the owner's. */
    public Optional<Page<MessageSummary>> list(String ownerId, UUID folderId, int limit, Cursor after) {
        return folders.find(ownerId, folderId).map(folder -> {
            Parameters parameters = Parameters.with("folder", folderId);
            String where = "folderId = :folder";
            if (after != null) {
                where += " and " + Cursor.after("receivedAt");
                parameters.and("at", after.at()).and("id", after.id());
            }
            List<Message> rows = Message.<Message>find(where + " order by receivedAt desc, id desc", parameters)
                    .range(0, limit).list();
            return Page.of(rows, limit, m -> new Cursor(m.receivedAt, m.id), MessageSummary::of);
        });
    }

    /** One of the owner's messages; empty when it does not exist or is someone else's. */
    public Optional<MessageView> read(String ownerId, UUID id) {
        return Message.ofOwner(ownerId, id).map(message -> MessageView.of(message, Attachment.of(message.id)));
    }

    public Optional<Message> find(String ownerId, UUID id) {
        return Message.ofOwner(ownerId, id);
    }
}
