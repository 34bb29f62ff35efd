package fr.academie.mail.transfer;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.store.Spool;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/** A person's own messages brought into one of their folders (an .eml file), through the delivery pipeline. */
@ApplicationScoped
public class ImportService {

    private final FolderService folders;
    private final DeliveryPipeline delivery;
    private final MailConfig config;

    public ImportService(FolderService folders, DeliveryPipeline delivery, MailConfig config) {
        this.folders = folders;
        this.delivery = delivery;
        this.config = config;
    }

    /** The stored message (or the one the mailbox already held); empty when the folder is not the owner's. */
    public Optional<DeliveryPipeline.Result> importMessage(String ownerId, UUID folderId, InputStream body) {
        if (folders.find(ownerId, folderId).isEmpty()) {
            return Optional.empty();
        }
        try (Spool spool = Spool.of(body, config.maxMessageSize().asLongValue())) {
            if (spool.size() == 0) {
                throw ProblemException.invalid("urn:portail:mail:empty-message", "message", "Le fichier est vide : "
                        + "choisissez un message enregistré au format .eml.");
            }
            // an imported message was read where it came from
            return Optional.of(delivery.deliverUnlessPresent(
                    new DeliveryPipeline.Destination(ownerId, folderId, false, true), spool));
        } catch (Spool.TooLarge e) {
            throw new ProblemException("urn:portail:mail:message-too-large", "Message trop volumineux", 413,
                    "Ce message dépasse la taille maximale de " + config.maxMessageSize().asLongValue() / (1024 * 1024)
                            + " Mo.", "message");
        }
    }
}
