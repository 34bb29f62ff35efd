package fr.academie.mail.quota;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.config.MailConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Each mailbox's quota and used bytes (table mailbox), changed in the transaction that adds or removes the
 * message: the row's lock orders concurrent changes, so the figure is exact whatever arrives together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Quotas {

    private final MailConfig config;

    public Quotas(MailConfig config) {
        this.config = config;
    }

    /** What a mailbox may hold and holds, in bytes; past 90 % the person is warned. */
    public record Usage(long quota, long used) {

        public int percent() {
            return (int) Math.min(100, used * 100 / Math.max(1, quota));
        }

        public boolean nearlyFull() {
            return used * 10 >= quota * 9;
        }
    }

    /** Counts a message's bytes, or refuses them (nothing is counted) when they would not fit. */
    public void charge(String ownerId, long bytes) {
        int added = add(ownerId, bytes); // one statement for a mailbox that has its row: nearly always
        if (added == 0) { // full, or its first message: the row is created now, or was meanwhile by a delivery beside
            ensure(ownerId); // this one (which it waited for: asking again then sees that row)
            added = add(ownerId, bytes);
        }
        if (added == 0) {
            throw ProblemException.conflict("urn:portail:mail:quota-exceeded", "Messagerie pleine",
                    "La messagerie est pleine : ce message n'y tient pas. Libérez de l'espace en supprimant ou en "
                            + "exportant des messages volumineux.", null);
        }
    }

    private static int add(String ownerId, long bytes) {
        return Panache.getEntityManager().createNativeQuery("""
                        update mailbox set used_bytes = used_bytes + ?1
                        where owner_id = ?2 and used_bytes + ?1 <= quota_bytes""")
                .setParameter(1, bytes).setParameter(2, ownerId).executeUpdate();
    }

    /** Whether a message of that size would fit now (a delivery that must not fail half-way asks first). */
    public boolean hasRoom(String ownerId, long bytes) {
        ensure(ownerId);
        Number room = (Number) Panache.getEntityManager()
                .createNativeQuery("select quota_bytes - used_bytes from mailbox where owner_id = ?1")
                .setParameter(1, ownerId).getSingleResult();
        return room.longValue() >= bytes;
    }

    /** Gives back the bytes of removed messages. */
    public void release(String ownerId, long bytes) {
        Panache.getEntityManager().createNativeQuery("update mailbox set used_bytes = used_bytes - ?1 where owner_id = ?2")
                .setParameter(1, bytes).setParameter(2, ownerId).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Usage usage(String ownerId) {
        ensure(ownerId);
        Object[] row = (Object[]) Panache.getEntityManager()
                .createNativeQuery("select quota_bytes, used_bytes from mailbox where owner_id = ?1")
                .setParameter(1, ownerId).getSingleResult();
        return new Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Creates the mailbox's row when it has none. */
    private void ensure(String ownerId) {
        Panache.getEntityManager().createNativeQuery("""
                        insert into mailbox (owner_id, quota_bytes, used_bytes) values (?1, ?2, 0)
                        on conflict do nothing""")
                .setParameter(1, ownerId).setParameter(2, config.quota().asLongValue()).executeUpdate();
    }
}
