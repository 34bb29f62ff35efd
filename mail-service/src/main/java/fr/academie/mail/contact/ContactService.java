package fr.academie.mail.contact;

import fr.academie.common.directory.KeycloakDirectory;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recipient suggestions as a person types: the académie's directory (by name, identifier or address) and the
 * people they exchanged mail with (senders of what they received, recipients of what they sent), most recent
 * first, each address once. Without the directory (Keycloak down), the past correspondents still come.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContactService {

    private static final Logger LOG = Logger.getLogger(ContactService.class);

    private final KeycloakDirectory directory;

    public ContactService(KeycloakDirectory directory) {
        this.directory = directory;
    }

    public List<Contact> suggest(String ownerId, String text, int max) {
        Map<String, Contact> found = new LinkedHashMap<>();
        correspondents(ownerId, text, max).forEach(c -> found.putIfAbsent(c.address(), c));
        try {
            directory.search(text, max).forEach(person -> found.putIfAbsent(person.address(),
                    new Contact(person.name(), person.address(), Contact.Source.ANNUAIRE)));
        } catch (KeycloakDirectory.Unavailable e) {
            LOG.warn(e.getMessage());
        }
        return found.values().stream().limit(max).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Contact> correspondents(String ownerId, String text, int max) {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select max(name), address, max(at) from (
                            select m.sender_name as name, lower(m.sender_address) as address, m.received_at as at
                            from message m where m.owner_id = ?1 and m.sender_address <> ''
                            union all
                            select r ->> 'name', lower(r ->> 'address'), m.received_at
                            from message m join folder f on f.id = m.folder_id and f.system_role = 'SENT',
                                 jsonb_array_elements(coalesce(m.recipients -> 'to', '[]') || coalesce(m.recipients -> 'cc', '[]')) r
                            where m.owner_id = ?1
                        ) seen
                        where lower(coalesce(name, '')) like ?2 or address like ?2
                        group by address order by max(at) desc limit ?3""")
                .setParameter(1, ownerId).setParameter(2, pattern).setParameter(3, max).getResultList();
        List<Contact> contacts = new ArrayList<>();
        for (Object[] row : rows) {
            contacts.add(new Contact((String) row[0], (String) row[1], Contact.Source.CORRESPONDANT));
        }
        return contacts;
    }
}
