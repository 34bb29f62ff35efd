package fr.academie.mail.folder;

import java.util.UUID;

/** A folder as the mailbox lists it, with its counts. {@code systemRole} is null for a personal folder. */
public record FolderView(UUID id, String name, SystemFolder systemRole, UUID parentId, long unread, long total) {
}
