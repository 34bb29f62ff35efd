package fr.academie.mail.demo;

import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.Folder;
import fr.academie.mail.folder.FolderInput;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.label.Label;
import fr.academie.mail.label.LabelInput;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.store.Spool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Léna Martin's demo mailbox (local stack only, {@code portail.demo-data=true}): the labels, folders and messages
 * of {@code demo/mail/index.txt}, the messages delivered through the pipeline like any other mail. Each start
 * adds only what is missing (labels and folders by name, messages by their bytes). It loads in the background, beside
 * the start rather than in it (demo data is no production work, and loading the delivery pipeline took 0.4–0.65 s of
 * the start even with nothing to add); the service is not ready until it is done ({@link DemoMailReadiness}).
 */
@ApplicationScoped
public class DemoMail {

    private static final Logger LOG = Logger.getLogger(DemoMail.class);
    /** lmartin's fixed id (deploy/local-stack/src/main/resources/stack/demo-users.json). */
    static final String LENA = "d2e1f972-ae65-4ea3-90db-4c22ec5b5ef7";

    private final FolderService folders;
    private final LabelService labels;
    private final DeliveryPipeline delivery;
    /** The background load, or null without demo data. */
    private volatile CompletableFuture<Void> loading;

    public DemoMail(FolderService folders, LabelService labels, DeliveryPipeline delivery) {
        this.folders = folders;
        this.labels = labels;
        this.delivery = delivery;
    }

    void onStart(@Observes StartupEvent start, @ConfigProperty(name = "portail.demo-data", defaultValue = "false") boolean enabled,
                 ManagedExecutor executor) {
        if (enabled) {
            loading = executor.runAsync(this::load).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.error("Demo mail could not be loaded", failure);
                }
            });
        }
    }

    /** Where the background load is: {@code off} (no demo data), {@code loading}, {@code loaded} or {@code failed}. */
    String state() {
        CompletableFuture<Void> current = loading;
        return current == null ? "off" : current.isCompletedExceptionally() ? "failed" : current.isDone() ? "loaded" : "loading";
    }

    public void load() {
        int delivered = 0;
        for (String line : resource("index.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            if (fields[0].equals("label")) {
                QuarkusTransaction.requiringNew().run(() -> label(fields[1], fields[2]));
                continue;
            }
            // a folder path may hold spaces: the last three fields are read or unread, the file and the labels
            int n = fields.length;
            String where = String.join(" ", Arrays.copyOfRange(fields, 0, n - 3));
            UUID folder = QuarkusTransaction.requiringNew().call(() -> folder(where));
            var result = QuarkusTransaction.requiringNew().call(() -> delivery.deliverUnlessPresent(
                    new DeliveryPipeline.Destination(LENA, folder, fields[n - 3].equals("unread"), true),
                    Spool.of(resource(fields[n - 2]).getBytes(StandardCharsets.UTF_8))));
            if (!result.duplicate()) {
                delivered++;
                QuarkusTransaction.requiringNew().run(() -> Arrays.stream(fields[n - 1].split(",")).forEach(name ->
                        labels.attach(Label.<Label>find("ownerId = ?1 and name = ?2", LENA, name).firstResult().id,
                                List.of(result.message().id))));
            }
        }
        LOG.infof("Demo mail: %d message(s) delivered", delivered);
    }

    private void label(String name, String color) {
        if (Label.count("ownerId = ?1 and name = ?2", LENA, name) == 0) {
            labels.create(LENA, new LabelInput(name, color));
        }
    }

    /** A system folder by role, or a path of personal folders, created where missing. */
    private UUID folder(String where) {
        if (Arrays.stream(SystemFolder.values()).anyMatch(role -> role.name().equals(where))) {
            return folders.systemFolderId(LENA, SystemFolder.valueOf(where));
        }
        UUID parent = null;
        for (String name : where.split("/")) {
            Folder existing = Folder.find("ownerId = ?1 and name = ?2 and parentId " + (parent == null ? "is null" : "= ?3"),
                    parent == null ? new Object[] {LENA, name} : new Object[] {LENA, name, parent}).firstResult();
            parent = existing != null ? existing.id : folders.create(LENA, new FolderInput(name, parent)).id();
        }
        return parent;
    }

    private static String resource(String name) {
        try (InputStream in = DemoMail.class.getResourceAsStream("/demo/mail/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
