package fr.academie.mail.contact;

/** A suggestion for a recipient field: someone of the académie's directory, or a past correspondent. */
public record Contact(String name, String address, Source source) {

    public enum Source {
        ANNUAIRE, CORRESPONDANT
    }
}
