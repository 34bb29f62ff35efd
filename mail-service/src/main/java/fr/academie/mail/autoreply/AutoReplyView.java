package fr.academie.mail.autoreply;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The person's auto-reply: as set (dates and times in Paris), whether it answers mail arriving now ({@code active}:
 * the webmail's banner), and its period in words ("du jeudi 18 décembre 2026 à 17 h 00 au lundi 5 janvier 2027 à
 * 8 h 00"; null when off). Never set: off, with empty texts.
 */
public record AutoReplyView(boolean enabled, boolean active, LocalDateTime startsAt, LocalDateTime endsAt, String subject,
                            String internalText, String externalText, int days, String period, Instant updatedAt) {
}
