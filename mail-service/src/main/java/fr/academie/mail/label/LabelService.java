package fr.academie.mail.label;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.store.Writes;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A person's labels, and which of their messages carry which. */
@ApplicationScoped
@Transactional
public class LabelService {

    /** The owner's labels by name, with their counts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LabelView> list(String ownerId) {
        Map<UUID, long[]> counts = new HashMap<>();
        Panache.getEntityManager().createNativeQuery("""
                        select ml.label_id, count(*) filter (where m.unread), count(*)
                        from message_label ml join label l on l.id = ml.label_id join message m on m.id = ml.message_id
                        where l.owner_id = ?1 group by ml.label_id""")
                .setParameter(1, ownerId).getResultList()
                .forEach(row -> {
                    Object[] r = (Object[]) row;
                    counts.put((UUID) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
                });
        return Label.<Label>list("ownerId", ownerId).stream()
                .sorted((a, b) -> a.name.toLowerCase(Locale.ROOT).compareTo(b.name.toLowerCase(Locale.ROOT)))
                .map(label -> view(label, counts.getOrDefault(label.id, new long[2])))
                .toList();
    }

    public LabelView create(String ownerId, LabelInput input) {
        Label label = new Label();
        label.id = UUID.randomUUID();
        label.ownerId = ownerId;
        label.name = input.name().strip();
        label.color = input.color().toLowerCase(Locale.ROOT);
        label.createdAt = Instant.now();
        label.persist();
        flushUnique(label.name);
        return view(label, new long[2]);
    }

    /** Renames and recolours; empty when the label is not the owner's. */
    public Optional<LabelView> change(String ownerId, UUID id, LabelInput input) {
        return Label.ofOwner(ownerId, id).map(label -> {
            label.name = input.name().strip();
            label.color = input.color().toLowerCase(Locale.ROOT);
            flushUnique(label.name);
            return list(ownerId).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
        });
    }

    /** Deletes the label; its messages stay where they are, without it. Empty when it is not the owner's. */
    public Optional<LabelView> delete(String ownerId, UUID id) {
        return Label.ofOwner(ownerId, id).map(label -> {
            LabelView view = view(label, new long[2]);
            label.delete();
            return view;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Label> find(String ownerId, UUID id) {
        return Label.ofOwner(ownerId, id);
    }

    /**
     * The id of the owner's label of that name (without case), or of that {@link #keyword}; empty when they have
     * none.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> named(String ownerId, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Label.<Label>find("ownerId = ?1 and (lower(name) = ?2 or replace(lower(name), ' ', '_') = ?2) order by name",
                ownerId, wanted).firstResultOptional().map(label -> label.id);
    }

    /** The label as a flag of Sieve's imap4flags (and IMAP's keywords), which have no spaces: "Devis_reçus". */
    public static String keyword(String name) {
        return name.strip().replace(' ', '_');
    }

    /** Puts the label on the messages (those that carry it already are left alone). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attach(UUID labelId, Collection<UUID> messageIds) {
        for (UUID messageId : messageIds) {
            Panache.getEntityManager().createNativeQuery(
                            "insert into message_label (message_id, label_id) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, messageId).setParameter(2, labelId).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void detach(UUID labelId, Collection<UUID> messageIds) {
        Panache.getEntityManager().createNativeQuery("delete from message_label where label_id = ?1 and message_id in (?2)")
                .setParameter(1, labelId).setParameter(2, messageIds).executeUpdate();
    }

    /** The labels of each message, for a page of a list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<LabelTag>> of(Collection<UUID> messageIds) {
        Map<UUID, List<LabelTag>> tags = new HashMap<>();
        if (messageIds.isEmpty()) {
            return tags;
        }
        Panache.getEntityManager().createNativeQuery("""
                        select ml.message_id, l.id, l.name, l.color from message_label ml join label l on l.id = ml.label_id
                        where ml.message_id in (?1) order by lower(l.name)""")
                .setParameter(1, messageIds).getResultList()
                .forEach(row -> {
                    Object[] r = (Object[]) row;
                    tags.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new LabelTag((UUID) r[1], (String) r[2], (String) r[3]));
                });
        return tags;
    }

    private static LabelView view(Label label, long[] counts) {
        return new LabelView(label.id, label.name, label.color, counts[0], counts[1]);
    }

    private static void flushUnique(String name) {
        Writes.flushUnique(() -> ProblemException.conflict("urn:portail:mail:label-name-taken", "Nom déjà utilisé",
                "Une étiquette « " + name + " » existe déjà : choisissez un autre nom.", "name"));
    }
}
