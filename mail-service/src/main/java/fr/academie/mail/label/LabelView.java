package fr.academie.mail.label;

import java.util.UUID;

/** A label with the number of its messages, and of the unread ones. */
public record LabelView(UUID id, String name, String color, long unread, long total) {
}
