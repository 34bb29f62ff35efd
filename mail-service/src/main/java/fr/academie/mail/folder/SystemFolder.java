package fr.academie.mail.folder;

/** The folders every mailbox has, in the order the UI lists them, with their French names. */
public enum SystemFolder {
    INBOX("Boîte de réception"),
    SENT("Envoyés"),
    DRAFTS("Brouillons"),
    ARCHIVE("Archives"),
    JUNK("Indésirables"),
    TRASH("Corbeille");

    private final String label;

    SystemFolder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
