package fr.academie.gateway.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.common.date.FrenchDates;
import fr.academie.common.personal.PersonalArchive;
import fr.academie.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Puts a person's archive together: the French README, the gateway's part (her account, read when she asked), then
 * each service's part, asked with her own access token ({@code GET /personal-data}, a ZIP streamed entry by entry
 * into this one). A service that does not answer fails the whole archive: an archive said complete must be.
 */
@ApplicationScoped
class ArchiveAssembly {

    /** A service's part: its name for the person, where it answers, the folder its files go in. */
    record Part(String name, URI url, String folder) {
    }

    /** A part could not be had: which, and why (for the person, in French). */
    static final class PartMissing extends IOException {
        PartMissing(String message) {
            super(message);
        }
    }

    private final List<Part> parts;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ArchiveAssembly(GatewayConfig config, ObjectMapper json) {
        this.parts = List.of(new Part("la messagerie", config.mailUrl(), "messagerie/"),
                new Part("Ma carrière (I-Prof)", config.iprofUrl(), "carriere/"),
                new Part("Mes démarches (Colibris)", config.colibrisUrl(), "demarches/"));
        this.json = json;
    }

    void write(OutputStream out, Person person, Instant requestedAt, Map<String, Object> account, String accessToken)
            throws IOException {
        try (PersonalArchive archive = new PersonalArchive(out, json)) {
            archive.file("LISEZMOI.txt", new ByteArrayInputStream(readme(person, requestedAt).getBytes(StandardCharsets.UTF_8)));
            for (Map.Entry<String, Object> file : account.entrySet()) {
                archive.json(file.getKey(), file.getValue());
            }
            for (Part part : parts) {
                copy(part, accessToken, archive);
            }
        }
    }

    private void copy(Part part, String accessToken, PersonalArchive archive) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(part.url().resolve("/personal-data"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", PersonalArchive.MEDIA_TYPE)
                .timeout(Duration.ofMinutes(30)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new PartMissing(part.name() + " n'a pas répondu");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartMissing("la préparation a été interrompue");
        }
        try (ZipInputStream zip = new ZipInputStream(response.body(), StandardCharsets.UTF_8)) {
            if (response.statusCode() != 200) {
                throw new PartMissing(part.name() + " a répondu " + response.statusCode());
            }
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().startsWith(part.folder()) || entry.getName().contains("..")) {
                    throw new PartMissing(part.name() + " a donné un fichier hors de son dossier");
                }
                archive.file(entry.getName(), zip);
            }
        }
    }

    private static String readme(Person person, Instant requestedAt) {
        try (InputStream in = ArchiveAssembly.class.getResourceAsStream("/data/LISEZMOI.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{personne}", person.name() + " (" + person.identifier() + ")")
                    .replace("{date}", FrenchDates.weekdayAndTime(requestedAt));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
