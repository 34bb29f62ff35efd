package fr.academie.mail.mx;

import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.quota.Quotas;
import fr.academie.mail.store.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.util.Optional;

/**
 * The MX's view of the mailboxes: whose an address is (the académie's directory), whether their mailbox has room,
 * and the delivery of a received message into their inbox through the one delivery pipeline (its own transaction,
 * committed before the MX answers 250). Called from the SMTP server's own threads, hence the request context.
 */
@ApplicationScoped
public class Mailboxes {

    private final KeycloakDirectory directory;
    private final Quotas quotas;
    private final FolderService folders;
    private final DeliveryPipeline delivery;
    private final MailConfig config;

    public Mailboxes(KeycloakDirectory directory, Quotas quotas, FolderService folders, DeliveryPipeline delivery,
                     MailConfig config) {
        this.directory = directory;
        this.quotas = quotas;
        this.folders = folders;
        this.delivery = delivery;
        this.config = config;
    }

    /** Whether the address is one of the académie's: the only ones the MX takes mail for (it relays nothing). */
    public boolean isAcademie(String address) {
        return config.isAcademie(address);
    }

    /**
     * The account id that owns the académie address; empty when it is no académie address or nobody's.
     *
     * @throws KeycloakDirectory.Unavailable when the directory cannot answer
     */
    @ActivateRequestContext
    public Optional<String> owner(String address) {
        if (!config.isAcademie(address)) {
            return Optional.empty();
        }
        return directory.byAddress(address).map(KeycloakDirectory.Person::id);
    }

    /** Whether the mailbox can take a message at all now (it is not full). */
    @ActivateRequestContext
    public boolean hasRoom(String ownerId) {
        Quotas.Usage usage = quotas.usage(ownerId);
        return usage.used() < usage.quota();
    }

    /** Stores the message in the owner's inbox, unread (one transaction: all of it, or nothing). */
    @ActivateRequestContext
    public void deliver(String ownerId, Spool message) {
        delivery.deliver(new DeliveryPipeline.Destination(ownerId,
                folders.systemFolder(ownerId, SystemFolder.INBOX).id, true, false), message);
    }
}
