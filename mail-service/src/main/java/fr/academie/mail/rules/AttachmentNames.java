package fr.academie.mail.rules;

import fr.academie.common.date.FrenchDates;
import fr.academie.mail.mime.ParsedMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The name a {@code rename_attachments} pattern gives an attachment: {@code {date}} the day it arrived (Paris,
 * 2026-12-03, so that names sort by date), {@code {expéditeur}} (or {@code {expediteur}}) the sender's name or, without
 * one, the address before its @, {@code {nom}} the file's own name without its extension; the extension is kept. What
 * cannot be in a file name (a slash, a control character) becomes "-"; 200 characters at most.
 */
final class AttachmentNames {

    private AttachmentNames() {
    }

    static String of(String pattern, ParsedMessage.Part part, ParsedMessage message, Instant receivedAt) {
        String original = part.fileName() == null || part.fileName().isBlank() ? "piece-jointe" : part.fileName().strip();
        int dot = original.lastIndexOf('.');
        String base = dot > 0 ? original.substring(0, dot) : original;
        String extension = dot > 0 ? original.substring(dot) : "";
        String name = pattern.replace("{date}", LocalDate.ofInstant(receivedAt, FrenchDates.PARIS).toString())
                .replace("{expéditeur}", sender(message)).replace("{expediteur}", sender(message)).replace("{nom}", base);
        name = name.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "-").strip();
        if (name.toLowerCase(Locale.ROOT).endsWith(extension.toLowerCase(Locale.ROOT))) {
            name = name.substring(0, name.length() - extension.length());
        }
        int room = 200 - extension.length();
        return (name.length() <= room ? name : name.substring(0, room)) + extension;
    }

    /** The sender's name, or the address before its @, as a word of a file name (letters, digits, - between). */
    private static String sender(ParsedMessage message) {
        ParsedMessage.Address from = message.from();
        String who = from == null ? "" : from.name() != null && !from.name().isBlank() ? from.name()
                : from.address() == null ? "" : from.address().substring(0, Math.max(0, from.address().indexOf('@')));
        String word = who.strip().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        return word.isEmpty() ? "inconnu" : word.length() <= 60 ? word : word.substring(0, 60);
    }
}
