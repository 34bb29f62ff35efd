package fr.academie.mail.imap;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.MailClients;
import io.restassured.path.json.JsonPath;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An IMAP session of Python's imaplib (test resource {@code imap/session.py}, whose steps it documents), as JSON. */
final class ImapScript {

    private ImapScript() {
    }

    static JsonPath session(Object port, String user, String token, String mechanism) throws IOException, InterruptedException {
        return session(port, user, token, mechanism, null, () -> { });
    }

    static JsonPath session(Object port, String user, String token, List<List<String>> steps)
            throws IOException, InterruptedException {
        return session(port, user, token, "XOAUTH2", steps, () -> { });
    }

    /**
     * Runs session.py; {@code whileIdle} runs once the client waits in IDLE (or pauses).
     *
     * @param port the port (STARTTLS when offered), or "clear:" or "tls:" and the port
     */
    static JsonPath session(Object port, String user, String token, String mechanism, List<List<String>> steps,
                            Runnable whileIdle) throws IOException, InterruptedException {
        Path script = Files.createTempFile("session", ".py");
        try (InputStream in = ImapScript.class.getResourceAsStream("/imap/session.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of(MailClients.require("python3", "python3").toString(),
                    script.toString(), String.valueOf(port), user, token, mechanism));
            if (steps != null) {
                command.add(new ObjectMapper().writeValueAsString(steps));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("idling")) {
                        whileIdle.run();
                    } else {
                        output.append(line).append('\n');
                    }
                }
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "session.py did not end");
            assertEquals(0, process.exitValue(), output.toString());
            return JsonPath.from(output.toString().lines().reduce((earlier, last) -> last).orElseThrow());
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
