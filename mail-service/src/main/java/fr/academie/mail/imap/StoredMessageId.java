package fr.academie.mail.imap;

import org.apache.james.mailbox.model.MessageId;

import java.util.UUID;

/** A message's id (its row in table message) as James' mailbox API knows it. */
record StoredMessageId(UUID value) implements MessageId {

    static final MessageId.Factory FACTORY = new MessageId.Factory() {
        @Override
        public MessageId fromString(String text) {
            return new StoredMessageId(UUID.fromString(text));
        }

        @Override
        public MessageId generate() {
            return new StoredMessageId(UUID.randomUUID());
        }
    };

    @Override
    public String serialize() {
        return value.toString();
    }

    @Override
    public boolean isSerializable() {
        return true;
    }
}
