package fr.academie.mail.imap;

import fr.academie.mail.folder.SystemFolder;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.api.process.MailboxType;
import org.apache.james.imap.api.process.MailboxTyper;
import org.apache.james.mailbox.model.MailboxPath;

import java.util.Map;

/** The special-use attribute of each system folder (RFC 6154): how a client knows where to keep its sent copies. */
class FolderTypes implements MailboxTyper {

    private static final Map<SystemFolder, MailboxType> TYPES = Map.of(
            SystemFolder.INBOX, MailboxType.INBOX,
            SystemFolder.SENT, MailboxType.SENT,
            SystemFolder.DRAFTS, MailboxType.DRAFTS,
            SystemFolder.ARCHIVE, MailboxType.ARCHIVE,
            SystemFolder.JUNK, MailboxType.SPAM,
            SystemFolder.TRASH, MailboxType.TRASH);

    private final ImapStore store;

    FolderTypes(ImapStore store) {
        this.store = store;
    }

    @Override
    public MailboxType getMailboxType(ImapSession session, MailboxPath path) {
        return store.folder(path.getUser().asString(), path.getName())
                .map(folder -> folder.role() == null ? MailboxType.OTHER : TYPES.get(folder.role()))
                .orElse(MailboxType.OTHER);
    }
}
