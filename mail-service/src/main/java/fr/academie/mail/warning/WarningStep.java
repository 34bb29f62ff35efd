package fr.academie.mail.warning;

import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.delivery.DeliveryStep;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.message.TrustedSenderService;
import fr.academie.mail.message.Warning;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The first step of mail from the internet: its signs of phishing ({@link PhishingSigns}) kept with it, and the
 * message filed into Indésirables when they weigh {@code mail.junk-threshold} or more — unless the person has said
 * its sender is trusted ("Ce n'est pas un indésirable"). The person's own rules run after it.
 */
@ApplicationScoped
public class WarningStep implements DeliveryStep {

    private static final Logger LOG = Logger.getLogger(WarningStep.class);

    private final PhishingSigns signs;
    private final FolderService folders;
    private final TrustedSenderService trusted;
    private final KeycloakDirectory directory;
    private final MailConfig config;

    public WarningStep(FolderService folders, TrustedSenderService trusted, KeycloakDirectory directory,
                       MailConfig config) {
        this.signs = PhishingSigns.shipped(config.domain());
        this.directory = directory;
        this.folders = folders;
        this.trusted = trusted;
        this.config = config;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void apply(Arrival arrival) {
        if (arrival.verdict() == null) {
            return; // not from the internet: written here, or imported by its owner
        }
        String address = arrival.message().from() == null || arrival.message().from().address() == null ? ""
                : arrival.message().from().address().toLowerCase(Locale.ROOT);
        List<Warning> warnings = signs.of(new PhishingSigns.Inspection(arrival.verdict(), arrival.message(),
                !address.isEmpty() && firstFrom(arrival.ownerId(), address), this::colleagueNamed));
        arrival.warn(warnings);
        int weight = warnings.stream().mapToInt(Warning::weight).sum();
        if (weight >= config.junkThreshold() && !trusted.isTrusted(arrival.ownerId(), address)) {
            arrival.fileInto(folders.systemFolderId(arrival.ownerId(), SystemFolder.JUNK));
        }
    }

    /**
     * Whether the display name is a person's of the académie: first and last words as first and last names, or the
     * other way round ("LEROY Paul"). When the directory cannot answer, the sign is not shown (the others still are)
     * rather than the message held back.
     */
    private boolean colleagueNamed(String name) {
        String[] words = name.replaceAll("[^\\p{L}\\p{N}'-]+", " ").strip().split(" ");
        if (words.length < 2) {
            return false; // one word (a first name alone) is nobody in particular
        }
        String first = words[0];
        String last = words[words.length - 1];
        try {
            return Stream.concat(directory.namedLike(first, last).stream(), directory.namedLike(last, first).stream())
                    .anyMatch(person -> PhishingSigns.sameName(person.name(), name));
        } catch (KeycloakDirectory.Unavailable e) {
            LOG.warnf("The directory did not answer: a display name was not compared with the académie's people (%s)",
                    e.getMessage());
            return false;
        }
    }

    /** Whether the mailbox has never received mail from the address (it has now). */
    private boolean firstFrom(String ownerId, String address) {
        return Panache.getEntityManager().createNativeQuery(
                        "insert into correspondent (owner_id, address) values (?1, ?2) on conflict do nothing")
                .setParameter(1, ownerId).setParameter(2, address.length() > 320 ? address.substring(0, 320) : address)
                .executeUpdate() == 1;
    }
}
