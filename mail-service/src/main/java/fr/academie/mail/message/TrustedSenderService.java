package fr.academie.mail.message;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * "Toujours afficher les images de cet expéditeur": the senders whose remote images a person always sees (table
 * trusted_sender), by address in lower case.
 */
@ApplicationScoped
@Transactional
public class TrustedSenderService {

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> list(String ownerId) {
        return Panache.getEntityManager()
                .createNativeQuery("select address from trusted_sender where owner_id = ?1 order by address")
                .setParameter(1, ownerId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isTrusted(String ownerId, String address) {
        return address != null && !address.isBlank() && !Panache.getEntityManager()
                .createNativeQuery("select 1 from trusted_sender where owner_id = ?1 and address = ?2")
                .setParameter(1, ownerId).setParameter(2, address.toLowerCase(Locale.ROOT)).getResultList().isEmpty();
    }

    public void trust(String ownerId, String address) {
        Panache.getEntityManager().createNativeQuery("""
                        insert into trusted_sender (owner_id, address, created_at) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, ownerId).setParameter(2, address.toLowerCase(Locale.ROOT)).setParameter(3, Instant.now())
                .executeUpdate();
    }

    public boolean forget(String ownerId, String address) {
        return Panache.getEntityManager().createNativeQuery("delete from trusted_sender where owner_id = ?1 and address = ?2")
                .setParameter(1, ownerId).setParameter(2, address.toLowerCase(Locale.ROOT)).executeUpdate() > 0;
    }
}
