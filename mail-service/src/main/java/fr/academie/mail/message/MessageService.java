package fr.academie.mail.message;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.html.HtmlSanitizer;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.label.LabelTag;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Lists of messages, newest first, by keyset pages. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MessageService {

    private final FolderService folders;
    private final LabelService labels;
    private final MailConfig config;
    private final TrustedSenderService trustedSenders;

    public MessageService(FolderService folders, LabelService labels, MailConfig config,
                          TrustedSenderService trustedSenders) {
        this.folders = folders;
        this.labels = labels;
        this.config = config;
        this.trustedSenders = trustedSenders;
    }

    /** A page of the folder's messages, or empty when the folder is not the owner's. */
    public Optional<Page<MessageSummary>> list(String ownerId, UUID folderId, int limit, Cursor after) {
        return folders.find(ownerId, folderId).map(folder -> {
            Parameters parameters = Parameters.with("owner", ownerId).and("folder", folderId);
            String where = "ownerId = :owner and folderId = :folder";
            if (after != null) {
                where += " and " + Cursor.after("receivedAt");
                after.parameters().forEach(parameters::and);
            }
            List<Message> rows = Message.<Message>find(where + " order by receivedAt desc, id desc", parameters)
                    .range(0, limit).list();
            return page(rows, limit);
        });
    }

    /** A page of the messages carrying the label, in every folder; empty when the label is not the owner's. */
    public Optional<Page<MessageSummary>> listLabel(String ownerId, UUID labelId, int limit, Cursor after) {
        return labels.find(ownerId, labelId).map(label -> {
            String keyset = after == null ? "" : " and " + Cursor.after("m.received_at");
            var query = Panache.getEntityManager().createNativeQuery(
                            "select m.id from message m join message_label ml on ml.message_id = m.id"
                                    + " where ml.label_id = :label and m.owner_id = :owner" + keyset
                                    + " order by m.received_at desc, m.id desc limit :limit")
                    .setParameter("label", labelId).setParameter("owner", ownerId).setParameter("limit", limit + 1);
            if (after != null) {
                after.parameters().forEach(query::setParameter);
            }
            List<UUID> ids = query.getResultList().stream().map(UUID.class::cast).toList();
            Map<UUID, Message> byId = Message.<Message>list("ownerId = ?1 and id in ?2", ownerId, ids).stream()
                    .collect(Collectors.toMap(m -> m.id, m -> m));
            return page(ids.stream().map(byId::get).toList(), limit);
        });
    }

    private Page<MessageSummary> page(List<Message> rows, int limit) {
        Map<UUID, List<LabelTag>> tags = labels.of(rows.stream().map(m -> m.id).toList());
        return Page.of(rows, limit, m -> new Cursor(m.receivedAt, m.id), m -> MessageSummary.of(m, tags.getOrDefault(m.id, List.of())));
    }

    /**
     * One of the owner's messages, its HTML sanitised (remote images only when asked for, or when its sender is
     * trusted); empty when it does not exist or is someone else's.
     */
    public Optional<MessageView> read(String ownerId, UUID id, boolean showRemoteImages) {
        return Message.ofOwner(ownerId, id).map(message -> {
            boolean trusted = trustedSenders.isTrusted(ownerId, message.senderAddress);
            List<Attachment> attachments = Attachment.of(message.id);
            Map<String, String> inline = attachments.stream().filter(a -> a.contentId != null)
                    .collect(Collectors.toMap(a -> a.contentId.replaceAll("^<|>$", ""),
                            a -> config.publicPath() + "/messages/" + message.id + "/attachments/" + a.id + "?inline=true",
                            (first, second) -> first));
            HtmlSanitizer.Sanitized html = message.html == null ? null
                    : HtmlSanitizer.sanitize(message.html, showRemoteImages || trusted, inline);
            return MessageView.of(message, attachments, labels.of(List.of(message.id)).getOrDefault(message.id, List.of()),
                    html, trusted);
        });
    }

    /** The owner's largest messages, in every folder, largest first: what to delete or export to free space. */
    public List<LargeMessage> largest(String ownerId, int limit) {
        List<Message> rows = Message.<Message>find("ownerId = ?1 order by sizeBytes desc, id", ownerId).page(0, limit).list();
        Map<UUID, List<LabelTag>> tags = labels.of(rows.stream().map(m -> m.id).toList());
        Map<UUID, List<Attachment>> attachments = rows.isEmpty() ? Map.of() : Attachment.<Attachment>list(
                        "messageId in ?1 and inline = false order by sizeBytes desc", rows.stream().map(m -> m.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.messageId));
        return rows.stream().map(m -> new LargeMessage(MessageSummary.of(m, tags.getOrDefault(m.id, List.of())), m.sizeBytes,
                attachments.getOrDefault(m.id, List.of()).stream().map(MessageView.AttachmentView::of).toList())).toList();
    }

    public Optional<Message> find(String ownerId, UUID id) {
        return Message.ofOwner(ownerId, id);
    }
}
