package fr.academie.mail.rules;

import fr.academie.mail.message.RuleTrace;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the rules do (or would do) to each of the messages they ran on, newest first: where the message goes (null:
 * it stays), and each rule's action as the reading pane says it; {@code changed} counts the messages a rule touched.
 */
public record TrialView(List<Line> items, int changed) {

    public record Line(UUID messageId, String subject, String from, Instant receivedAt, UUID folderId, String folderName,
                       List<RuleTrace> actions) {
    }
}
