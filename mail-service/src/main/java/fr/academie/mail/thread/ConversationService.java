package fr.academie.mail.thread;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.label.LabelTag;
import fr.academie.mail.message.Message;
import fr.academie.mail.message.MessageSummary;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Conversation view: a folder's conversations ordered by their latest message there (keyset pages, like the
 * plain list), and one conversation's messages across the mailbox, oldest first, as a reading pane shows them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ConversationService {

    private final FolderService folders;
    private final LabelService labels;

    public ConversationService(FolderService folders, LabelService labels) {
        this.folders = folders;
        this.labels = labels;
    }

    /** Empty when the folder is not the owner's. */
    public Optional<Page<Conversation>> list(String ownerId, UUID folderId, int limit, Cursor after) {
        return folders.find(ownerId, folderId).map(folder -> {
            // each conversation once, at its latest message in the folder: the folder's order index walks the
            // newest first, and the owner/thread index tells whether a later message of the same thread is there
            String keyset = after == null ? "" : " and " + Cursor.after("m.received_at");
            var query = Panache.getEntityManager().createNativeQuery("""
                            select m.id from message m where m.owner_id = :owner and m.folder_id = :folder""" + keyset + """
                             and not exists (select 1 from message n where n.owner_id = m.owner_id
                                and n.thread_id = m.thread_id and n.folder_id = m.folder_id
                                and (n.received_at > m.received_at or (n.received_at = m.received_at and n.id > m.id)))
                            order by m.received_at desc, m.id desc limit :limit""")
                    .setParameter("owner", ownerId).setParameter("folder", folderId).setParameter("limit", limit + 1);
            if (after != null) {
                after.parameters().forEach(query::setParameter);
            }
            List<UUID> ids = query.getResultList().stream().map(UUID.class::cast).toList();
            Map<UUID, Message> latest = Message.<Message>list("ownerId = ?1 and id in ?2", ownerId, ids).stream()
                    .collect(Collectors.toMap(m -> m.id, m -> m));
            List<Message> rows = ids.stream().map(latest::get).toList();
            Map<UUID, List<Message>> threads = rows.isEmpty() ? Map.of() : Message.<Message>list(
                            "ownerId = ?1 and threadId in ?2 and folderId = ?3 order by receivedAt, id", ownerId,
                            rows.stream().map(m -> m.threadId).toList(), folderId).stream()
                    .collect(Collectors.groupingBy(m -> m.threadId, LinkedHashMap::new, Collectors.toList()));
            Map<UUID, List<LabelTag>> tags = labels.of(ids);
            return Page.of(rows, limit, m -> new Cursor(m.receivedAt, m.id), m -> conversation(m,
                    threads.getOrDefault(m.threadId, List.of(m)), tags.getOrDefault(m.id, List.of())));
        });
    }

    /**
     * The conversation's messages, oldest first, in every folder but the trash and junk (unless it lies only
     * there); empty when the owner has none of it.
     */
    public Optional<List<MessageSummary>> messages(String ownerId, UUID threadId) {
        List<Message> all = Message.list("ownerId = ?1 and threadId = ?2 order by receivedAt, id", ownerId, threadId);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> hidden = Set.of(folders.systemFolderId(ownerId, SystemFolder.TRASH),
                folders.systemFolderId(ownerId, SystemFolder.JUNK));
        List<Message> shown = all.stream().filter(m -> !hidden.contains(m.folderId)).toList();
        List<Message> messages = shown.isEmpty() ? all : shown;
        Map<UUID, List<LabelTag>> tags = labels.of(messages.stream().map(m -> m.id).toList());
        return Optional.of(messages.stream().map(m -> MessageSummary.of(m, tags.getOrDefault(m.id, List.of()))).toList());
    }

    private static Conversation conversation(Message latest, List<Message> inFolder, List<LabelTag> tags) {
        List<String> participants = new ArrayList<>();
        for (Message message : inFolder) {
            String name = message.senderName != null ? message.senderName : message.senderAddress;
            if (!participants.contains(name)) {
                participants.add(name);
            }
        }
        return new Conversation(latest.threadId, MessageSummary.of(latest, tags), inFolder.size(),
                (int) inFolder.stream().filter(m -> m.unread).count(), participants);
    }
}
