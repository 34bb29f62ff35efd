package fr.academie.mail.delivery;

import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import jakarta.enterprise.context.ApplicationScoped;

/** A delivery step as a later filter will be: files "[filtre-test]" messages into Archives, read and flagged. */
@ApplicationScoped
public class TestFilterStep implements DeliveryStep {

    private final FolderService folders;

    public TestFilterStep(FolderService folders) {
        this.folders = folders;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void apply(Arrival arrival) {
        if (arrival.message().subject().startsWith("[filtre-test]")) {
            arrival.fileInto(folders.systemFolder(arrival.ownerId(), SystemFolder.ARCHIVE).id);
            arrival.markRead();
            arrival.flag();
        }
    }
}
