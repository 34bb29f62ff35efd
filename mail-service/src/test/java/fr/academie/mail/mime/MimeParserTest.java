package fr.academie.mail.mime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real-world-shaped messages (src/test/resources/corpus) read as a person expects to see them. */
class MimeParserTest {

    static final Path CORPUS = Path.of("src/test/resources/corpus");

    static Stream<Path> corpus() throws IOException {
        return Files.list(CORPUS).filter(file -> file.toString().endsWith(".eml")).sorted();
    }

    static ParsedMessage parse(String name) {
        try (InputStream in = Files.newInputStream(CORPUS.resolve(name))) {
            return MimeParser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyMessageOfTheCorpusIsReadWithoutError(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ParsedMessage message = MimeParser.parse(in);
            assertNotNull(message.subject(), file.toString());
            assertNotNull(message.attachments(), file.toString());
        }
    }

    @Test
    void encodedWordsInSubjectAndSenderAreDecoded() {
        ParsedMessage message = parse("02-utf8-qp.eml");
        assertEquals("Journée de formation « risques »", message.subject());
        assertEquals(new ParsedMessage.Address("Inspection histoire-géographie", "ipr-hg@ac-orleans-tours.fr"), message.from());
        assertTrue(message.text().contains("« Enseigner la géographie des risques »"), message.text());
        assertEquals(Instant.parse("2026-11-24T09:05:00Z"), message.date());
    }

    @Test
    void latinAndWindowsCharsetsAreDecoded() {
        assertEquals("Clôture de l'exercice", parse("03-latin1-8bit.eml").subject());
        assertTrue(parse("03-latin1-8bit.eml").text().contains("La clôture de l'exercice"));
        assertTrue(parse("04-windows-1252.eml").text().contains("1 250 € – « payable à 30 jours »"));
    }

    @Test
    void anUnknownCharsetFallsBackToWhatTheBytesAre() {
        assertTrue(parse("16-unknown-charset.eml").text().contains("Accentué en UTF-8"));
    }

    @Test
    void rawUtf8HeadersAreRead() {
        ParsedMessage message = parse("17-raw-utf8-headers.eml");
        assertEquals("Réunion équipe éducative", message.subject());
        assertEquals("Élodie Bérard", message.from().name());
    }

    @Test
    void alternativeBodiesGiveTextAndHtml() {
        ParsedMessage message = parse("05-alternative.eml");
        assertTrue(message.text().contains("1. Projets"));
        assertTrue(message.html().contains("<li>Projets</li>"));
        assertEquals(List.of(), message.attachments());
    }

    @Test
    void attachmentNamesAreDecodedWhateverTheirEncoding() {
        assertEquals("circulaire.pdf", parse("06-mixed-pdf.eml").attachments().get(0).fileName());
        assertEquals("budget prévisionnel 2027.pdf", parse("07-rfc2231-name.eml").attachments().get(0).fileName());
        assertEquals("déclaration fiscale 2026 – lycée.pdf", parse("08-rfc2231-continuation.eml").attachments().get(0).fileName());
        assertEquals("relevé novembre.pdf", parse("09-rfc2047-name.eml").attachments().get(0).fileName());
    }

    @Test
    void anAttachmentIsCountedInDecodedBytes() {
        ParsedMessage.Part pdf = parse("06-mixed-pdf.eml").attachments().get(0);
        assertEquals("application/pdf", pdf.contentType());
        assertEquals(69, pdf.size());
        assertEquals(1, pdf.index());
        assertFalse(pdf.inline());
        assertTrue(parse("06-mixed-pdf.eml").hasAttachments());
    }

    @Test
    void aForwardedMessageIsOneAttachmentAndItsHeadersAreNotTheMessages() {
        ParsedMessage message = parse("10-forward-attached.eml");
        assertEquals("Fwd: Original", message.subject());
        assertEquals("<c10@ac-orleans-tours.fr>", message.messageId());
        assertEquals(1, message.attachments().size());
        assertEquals("message/rfc822", message.attachments().get(0).contentType());
        assertEquals("message-transfere-2.eml", message.attachments().get(0).fileName());
    }

    @Test
    void threadHeadersAndRecipientsAreKept() {
        ParsedMessage message = parse("12-reply.eml");
        assertEquals("<c05@ac-orleans-tours.fr>", message.inReplyTo());
        assertEquals("<c05@ac-orleans-tours.fr>", message.references());
        assertEquals(List.of(new ParsedMessage.Address("Paul Leroy", "paul.leroy@ac-orleans-tours.fr")), message.to());
        assertEquals(List.of(new ParsedMessage.Address("Nadia Moreau", "nadia.moreau@ac-orleans-tours.fr"),
                new ParsedMessage.Address(null, "vie.scolaire@ac-orleans-tours.fr")), message.cc());
    }

    @Test
    void missingOrBrokenHeadersLeaveEmptyFieldsNotErrors() {
        assertNull(parse("13-no-date.eml").date());
        assertNull(parse("14-no-from.eml").from());
        assertNull(parse("14-no-from.eml").messageId());
        assertEquals("??? not an address@@", parse("15-bad-from.eml").from().address()); // shown as the header says
        assertEquals("", parse("31-empty-body.eml").subject());
        assertEquals("En-tete casse", parse("21-malformed-header.eml").subject());
    }

    @Test
    void brokenStructuresKeepWhatCanBeRead() {
        ParsedMessage unterminated = parse("19-unterminated-multipart.eml");
        assertTrue(unterminated.text().contains("Première partie."));
        assertEquals("data.bin", unterminated.attachments().get(0).fileName());
        assertEquals(150, unterminated.attachments().get(0).size());
        assertEquals("Sans boundary", parse("20-no-boundary.eml").subject());
        assertEquals(5000 + 2, parse("22-long-lines.eml").text().length());
        assertEquals("Une lettre d'information au titre particulièrement long qui a été replié par le logiciel d'envoi sur plusieurs lignes",
                parse("22-long-lines.eml").subject());
        assertTrue(parse("18-lf-only.eml").text().contains("Durée : 12 min."));
    }

    @Test
    void inlineImagesAreInlinePartsWithTheirContentId() {
        ParsedMessage message = parse("23-related-inline-image.eml");
        assertEquals(1, message.attachments().size());
        assertTrue(message.attachments().get(0).inline());
        assertEquals("<logo23@ac>", message.attachments().get(0).contentId());
        assertFalse(message.hasAttachments());
        ParsedMessage nested = parse("24-nested-multiparts.eml");
        assertEquals("Devis ci-joint.", nested.text()); // the line break before a boundary is the boundary's
        assertEquals(List.of("piece-jointe-3.png", "devis.pdf"), nested.attachments().stream().map(ParsedMessage.Part::fileName).toList());
        assertTrue(nested.hasAttachments());
    }

    @Test
    void priorityHeadersAreUnderstood() {
        assertEquals(ParsedMessage.Priority.HIGH, parse("29-priority.eml").priority());
        assertEquals(ParsedMessage.Priority.NORMAL, parse("01-plain-ascii.eml").priority());
        assertEquals(ParsedMessage.Priority.LOW, Priorities.ofXPriority("5 (Lowest)", ParsedMessage.Priority.NORMAL));
        assertEquals(ParsedMessage.Priority.LOW, Priorities.ofImportance("low", ParsedMessage.Priority.NORMAL));
    }

    @Test
    void aBase64TextBodyIsDecoded() {
        assertTrue(parse("30-list-base64-text.eml").text().contains("Nouvelles ressources sur l'Éduthèque."));
    }

    @Test
    void aHostileFileNameLosesItsPath() {
        assertEquals("evil.exe", parse("33-hostile-name.eml").attachments().get(0).fileName());
    }
}
