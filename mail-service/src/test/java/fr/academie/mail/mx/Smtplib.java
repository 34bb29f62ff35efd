package fr.academie.mail.mx;

import fr.academie.stack.testing.MailClients;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python's smtplib as a sending server: {@code src/test/resources/mx/send.py} run against the MX. */
public final class Smtplib {

    private Smtplib() {
    }

    /** What the MX answered (EHLO features, refused recipients, the outcome of DATA); mode as send.py reads it. */
    public static JsonPath send(int port, String sender, List<String> recipients, String message, String mode)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("send", ".py");
        Path file = Files.createTempFile("message", ".eml");
        try (InputStream in = Smtplib.class.getResourceAsStream("/mx/send.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(file, message, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(MailClients.require("python3", "python3").toString(),
                    script.toString(), String.valueOf(port), sender, String.join(",", recipients), file.toString(), mode)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "send.py did not end");
            assertEquals(0, process.exitValue(), output);
            return JsonPath.from(output.lines().reduce((first, last) -> last).orElseThrow());
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(file);
        }
    }
}
