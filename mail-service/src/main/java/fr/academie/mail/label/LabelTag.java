package fr.academie.mail.label;

import java.util.UUID;

/** A label as a message line shows it. */
public record LabelTag(UUID id, String name, String color) {
}
