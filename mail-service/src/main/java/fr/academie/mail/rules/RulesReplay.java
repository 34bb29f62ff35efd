package fr.academie.mail.rules;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.folder.Folder;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.FolderView;
import fr.academie.mail.message.Attachment;
import fr.academie.mail.message.Message;
import fr.academie.mail.message.MessageAction;
import fr.academie.mail.message.MessageActions;
import fr.academie.mail.message.RuleTrace;
import fr.academie.mail.mime.MimeParser;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.notification.NotificationService;
import fr.academie.mail.store.MessageSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rules run again on messages a folder already holds, by the very step delivery runs: tried without changing
 * anything ("Tester sur mes messages", before saving), or carried out ("Appliquer aux messages existants").
 */
@ApplicationScoped
@Transactional
public class RulesReplay {

    private final RulesService rules;
    private final RulesStep step;
    private final FolderService folders;
    private final MessageSources sources;
    private final MessageActions actions;
    private final NotificationService notifications;

    public RulesReplay(RulesService rules, RulesStep step, FolderService folders, MessageSources sources,
                       MessageActions actions, NotificationService notifications) {
        this.rules = rules;
        this.step = step;
        this.folders = folders;
        this.sources = sources;
        this.actions = actions;
        this.notifications = notifications;
    }

    /** What the rules sent would do to the folder's last messages; nothing is changed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TrialView trial(String ownerId, String ownerAddress, TrialInput input) {
        String script = rules.script(input.script(), input.rules());
        return replay(ownerId, ownerAddress, input.folderId(), input.count(), script, false);
    }

    /** The saved rules carried out on the folder's last messages, each noting what a rule did ("Pourquoi ici ?"). */
    public TrialView apply(String ownerId, ApplicationInput input) {
        RuleScript saved = RuleScript.findById(ownerId);
        if (saved == null || saved.script.isBlank() || saved.suspended) {
            throw ProblemException.conflict("urn:portail:mail:rules-off", "Aucune règle à appliquer", saved == null
                    || saved.script.isBlank() ? "Vous n'avez pas encore de règle enregistrée."
                    : "Vos règles sont suspendues : réactivez-les avant de les appliquer.", null);
        }
        return replay(ownerId, saved.ownerAddress, input.folderId(), input.count(), saved.script, true);
    }

    private TrialView replay(String ownerId, String ownerAddress, UUID folderId, int count, String script, boolean carryOut) {
        Folder folder = folders.find(ownerId, folderId).orElseThrow(() -> new ProblemException(
                "urn:portail:mail:folder-not-found", "Introuvable", 404, "Ce dossier n'existe pas dans votre messagerie.", "folderId"));
        Map<UUID, String> names = folders.list(ownerId).stream()
                .collect(Collectors.toMap(FolderView::id, FolderView::name));
        List<Message> messages = Message.<Message>find("ownerId = ?1 and folderId = ?2 order by receivedAt desc, id",
                ownerId, folder.id).page(0, count).list();
        List<TrialView.Line> lines = new ArrayList<>();
        for (Message message : messages) {
            Arrival arrival = Arrival.stored(message, parse(message), notifications.delivered(message.id));
            step.run(arrival, script, ownerAddress);
            UUID movedTo = arrival.folderId().equals(message.folderId) ? null : arrival.folderId();
            lines.add(new TrialView.Line(message.id, message.subject, message.senderName != null ? message.senderName
                    : message.senderAddress, message.receivedAt, movedTo, movedTo == null ? null : names.get(movedTo),
                    arrival.filedBy()));
            if (carryOut && !arrival.filedBy().isEmpty()) {
                carryOut(ownerId, message, arrival);
            }
        }
        return new TrialView(lines, (int) lines.stream().filter(line -> !line.actions().isEmpty()).count());
    }

    /** Through the same actions as the person's own (one way to move, mark and label a message). */
    private void carryOut(String ownerId, Message message, Arrival arrival) {
        List<UUID> one = List.of(message.id);
        arrival.labels().forEach(label -> actions.apply(ownerId, null,
                new MessageAction(MessageAction.Kind.LABEL, one, null, label)));
        if (message.unread && !arrival.unread()) {
            actions.apply(ownerId, null, new MessageAction(MessageAction.Kind.READ, one, null, null));
        }
        if (!message.flagged && arrival.flagged()) {
            actions.apply(ownerId, null, new MessageAction(MessageAction.Kind.FLAG, one, null, null));
        }
        if (!arrival.folderId().equals(message.folderId)) {
            actions.apply(ownerId, null, new MessageAction(MessageAction.Kind.MOVE, one, arrival.folderId(), null));
        }
        arrival.renamed().forEach((index, name) -> Attachment.update("fileName = ?1 where messageId = ?2 and partIndex = ?3",
                name, message.id, index));
        List<RuleTrace> filedBy = new ArrayList<>(message.filedBy);
        arrival.filedBy().stream().filter(trace -> !filedBy.contains(trace)).forEach(filedBy::add); // applied twice: noted once
        message.filedBy = filedBy;
    }

    private ParsedMessage parse(Message message) {
        try (InputStream in = sources.open(message.id)) {
            return MimeParser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
