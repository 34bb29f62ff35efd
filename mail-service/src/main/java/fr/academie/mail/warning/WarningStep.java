package fr.academie.mail.warning;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.delivery.DeliveryStep;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.message.TrustedSenderService;
import fr.academie.mail.message.Warning;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/**
 * The first step of mail from the internet: its signs of phishing ({@link PhishingSigns}) kept with it, and the
 * message filed into Indésirables when they weigh {@code mail.junk-threshold} or more — unless the person has said
 * its sender is trusted ("Ce n'est pas un indésirable"). The person's own rules run after it.
 */
@ApplicationScoped
public class WarningStep implements DeliveryStep {

    private final PhishingSigns signs;
    private final FolderService folders;
    private final TrustedSenderService trusted;
    private final MailConfig config;

    public WarningStep(FolderService folders, TrustedSenderService trusted, MailConfig config) {
        this.signs = PhishingSigns.shipped(config.domain());
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
                !address.isEmpty() && firstFrom(arrival.ownerId(), address)));
        arrival.warn(warnings);
        int weight = warnings.stream().mapToInt(Warning::weight).sum();
        if (weight >= config.junkThreshold() && !trusted.isTrusted(arrival.ownerId(), address)) {
            arrival.fileInto(folders.systemFolder(arrival.ownerId(), SystemFolder.JUNK).id);
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
