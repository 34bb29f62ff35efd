package fr.academie.mail.demo;

import fr.academie.mail.delivery.Delivery;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.store.Spool;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Léna Martin's demo mailbox (local stack only, {@code portail.demo-data=true}): the messages of
 * {@code demo/mail/index.txt}, delivered through the pipeline at start-up like any other mail, each once
 * (a restart finds them by Message-ID).
 */
@ApplicationScoped
public class DemoMail {

    private static final Logger LOG = Logger.getLogger(DemoMail.class);
    /** lmartin's fixed id (deploy/local-stack/src/main/resources/stack/demo-users.json). */
    static final String LENA = "d2e1f972-ae65-4ea3-90db-4c22ec5b5ef7";

    void load(@Observes StartupEvent start, @ConfigProperty(name = "portail.demo-data", defaultValue = "false") boolean enabled,
              FolderService folders, Delivery delivery) {
        if (!enabled) {
            return;
        }
        int delivered = 0;
        for (String line : resource("index.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            var destination = new Delivery.Destination(LENA, folders.systemFolder(LENA, SystemFolder.valueOf(fields[0])).id,
                    fields[1].equals("unread"), true);
            if (!delivery.deliverUnlessPresent(destination, Spool.of(resource(fields[2]).getBytes(StandardCharsets.UTF_8))).duplicate()) {
                delivered++;
            }
        }
        LOG.infof("Demo mail: %d message(s) delivered", delivered);
    }

    private static String resource(String name) {
        try (InputStream in = DemoMail.class.getResourceAsStream("/demo/mail/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
