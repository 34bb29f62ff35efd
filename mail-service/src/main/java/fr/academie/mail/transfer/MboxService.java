package fr.academie.mail.transfer;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.Folder;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.message.Message;
import fr.academie.mail.store.MessageSources;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A folder as an mbox file and back: the export streams each message's stored bytes, oldest first, one query per
 * page of 200; the import delivers each message in its own transaction (a failure loses only that message),
 * skips those whose Message-ID the mailbox holds, and stops at the quota, saying so.
 */
@ApplicationScoped
public class MboxService {

    private static final int PAGE = 200;

    private final FolderService folders;
    private final DeliveryPipeline delivery;
    private final MessageSources sources;
    private final MailConfig config;

    public MboxService(FolderService folders, DeliveryPipeline delivery, MessageSources sources, MailConfig config) {
        this.folders = folders;
        this.delivery = delivery;
        this.sources = sources;
        this.config = config;
    }

    /** What an import did: stored, skipped as already there, refused (with why). */
    public record Report(int imported, List<Duplicate> duplicates, List<Failure> failures, boolean stoppedAtQuota) {
    }

    public record Duplicate(int position, String messageId, String subject) {
    }

    /** {@code position}: the message's rank in the file, from 1. */
    public record Failure(int position, String reason) {
    }

    public Optional<Folder> folder(String ownerId, UUID folderId) {
        return folders.find(ownerId, folderId);
    }

    /** Writes the folder's messages, oldest first (the folder is the owner's: checked by the caller). */
    public void export(String ownerId, UUID folderId, OutputStream out) throws IOException {
        Message after = null;
        while (true) {
            Message last = after;
            // one short transaction per page: the response is written while no transaction holds a connection
            List<Message> page = QuarkusTransaction.requiringNew().call(() -> last == null
                    ? Message.<Message>find("ownerId = ?1 and folderId = ?2 order by receivedAt, id", ownerId, folderId)
                    .page(0, PAGE).list()
                    : Message.<Message>find("ownerId = ?1 and folderId = ?2 and (receivedAt > ?3 or (receivedAt = ?3 and id > ?4)) "
                    + "order by receivedAt, id", ownerId, folderId, last.receivedAt, last.id).page(0, PAGE).list());
            for (Message message : page) {
                try (InputStream source = sources.open(message.id)) {
                    Mbox.write(out, message.senderAddress, message.receivedAt, source);
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** Imports the file's messages into the owner's folder; empty when the folder is not theirs. */
    public Optional<Report> importMbox(String ownerId, UUID folderId, InputStream in) {
        if (folders.find(ownerId, folderId).isEmpty()) {
            return Optional.empty();
        }
        long max = config.maxMessageSize().asLongValue();
        int[] imported = {0};
        int[] position = {0};
        boolean[] full = {false};
        List<Duplicate> duplicates = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        try {
            Mbox.read(in, spool -> {
                position[0]++;
                if (full[0]) {
                    failures.add(new Failure(position[0], "messagerie pleine"));
                } else if (spool.size() > max) {
                    failures.add(new Failure(position[0], "message trop volumineux (plus de " + max / (1024 * 1024) + " Mo)"));
                } else {
                    try {
                        DeliveryPipeline.Result result = delivery.deliverUnlessPresent(
                                new DeliveryPipeline.Destination(ownerId, folderId, false, true), spool);
                        if (result.duplicate()) {
                            duplicates.add(new Duplicate(position[0], result.message().messageIdHeader, result.message().subject));
                        } else {
                            imported[0]++;
                        }
                    } catch (ProblemException e) {
                        if (!e.toProblem().type().equals("urn:portail:mail:quota-exceeded")) {
                            throw e;
                        }
                        full[0] = true;
                        failures.add(new Failure(position[0], "messagerie pleine"));
                    }
                }
            });
        } catch (Mbox.NotMbox e) {
            throw ProblemException.invalid("urn:portail:mail:not-mbox", "file",
                    "Ce fichier n'est pas au format mbox : il doit commencer par une ligne « From ». Pour un seul "
                            + "message, importez un fichier .eml.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Report(imported[0], duplicates, failures, full[0]));
    }
}
