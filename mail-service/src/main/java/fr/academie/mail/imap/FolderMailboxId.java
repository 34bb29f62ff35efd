package fr.academie.mail.imap;

import org.apache.james.mailbox.model.MailboxId;

import java.util.UUID;

/** A folder's id as James' mailbox API knows it. */
record FolderMailboxId(UUID value) implements MailboxId {

    static final MailboxId.Factory FACTORY = text -> new FolderMailboxId(UUID.fromString(text));

    @Override
    public String serialize() {
        return value.toString();
    }

    static UUID of(MailboxId id) {
        return ((FolderMailboxId) id).value();
    }
}
