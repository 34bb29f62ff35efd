package fr.academie.mail.thread;

import fr.academie.mail.message.MessageSummary;

import java.util.List;
import java.util.UUID;

/**
 * A line of the list in conversation view: the conversation's latest message in the folder, how many of its
 * messages the folder holds and how many are unread, and who took part (senders, oldest first).
 */
public record Conversation(UUID threadId, MessageSummary latest, int count, int unread, List<String> participants) {
}
