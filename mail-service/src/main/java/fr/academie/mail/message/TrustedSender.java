package fr.academie.mail.message;

import io.quarkus.hibernate.orm.panache.Panache;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * "Toujours afficher les images de cet expéditeur": the senders whose remote images a person always wants to see
 * (table trusted_sender), by address in lower case.
 */
final class TrustedSender {

    private TrustedSender() {
    }

    static boolean isTrusted(String ownerId, String address) {
        return address != null && !address.isBlank() && !Panache.getEntityManager()
                .createNativeQuery("select 1 from trusted_sender where owner_id = ?1 and address = ?2")
                .setParameter(1, ownerId).setParameter(2, address.toLowerCase(Locale.ROOT)).getResultList().isEmpty();
    }

    static void trust(String ownerId, String address) {
        Panache.getEntityManager().createNativeQuery("""
                        insert into trusted_sender (owner_id, address, created_at) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, ownerId).setParameter(2, address.toLowerCase(Locale.ROOT)).setParameter(3, Instant.now())
                .executeUpdate();
    }

    static boolean forget(String ownerId, String address) {
        return Panache.getEntityManager().createNativeQuery("delete from trusted_sender where owner_id = ?1 and address = ?2")
                .setParameter(1, ownerId).setParameter(2, address.toLowerCase(Locale.ROOT)).executeUpdate() > 0;
    }

    @SuppressWarnings("unchecked")
    static List<String> of(String ownerId) {
        return Panache.getEntityManager()
                .createNativeQuery("select address from trusted_sender where owner_id = ?1 order by address")
                .setParameter(1, ownerId).getResultList();
    }
}
