package fr.academie.mail.forwarding;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The audit log of forwarding: every forward that starts or stops working (a rule saved, all rules suspended or
 * resumed) and every acceptance of the charter, in French, newest first, for the person and the académie's
 * administrators. Saving rules also forgets the loops she was told about (a new loop is told again).
 */
@ApplicationScoped
@Transactional
public class ForwardingJournal {

    /** An entry: when, in words too, whose (her address then), and what changed. */
    public record Entry(Instant at, String when, String address, String change) {
    }

    /** Writes what the saved rules changed in her forwarding, if anything. */
    public void saved(String ownerId, String ownerAddress, List<Forward> before, boolean suspendedBefore,
                      List<Forward> after, boolean suspendedAfter) {
        Set<String> was = active(before, suspendedBefore);
        Set<String> is = active(after, suspendedAfter);
        String why = suspendedAfter && !suspendedBefore ? "toutes les règles suspendues : "
                : suspendedBefore && !suspendedAfter ? "règles réactivées : " : "";
        for (Forward forward : after) {
            if (!was.contains(key(forward)) && is.contains(key(forward))) {
                write(ownerId, ownerAddress, why + "transfert vers " + forward.address() + " activé (" + rule(forward)
                        + (forward.copy() ? ", une copie reste dans la boîte" : ", sans copie gardée dans la boîte") + ")");
                was.add(key(forward)); // said once
            }
        }
        for (Forward forward : before) {
            if (was.contains(key(forward)) && !is.contains(key(forward))) {
                write(ownerId, ownerAddress, why + "transfert vers " + forward.address() + " arrêté (" + rule(forward) + ")");
                is.add(key(forward)); // said once
            }
        }
        Panache.getEntityManager().createNativeQuery("delete from forwarding_loop_notice where owner_id = ?1")
                .setParameter(1, ownerId).executeUpdate();
    }

    public void write(String ownerId, String ownerAddress, String change) {
        ForwardingAudit entry = new ForwardingAudit();
        entry.id = UUID.randomUUID();
        entry.ownerId = ownerId;
        entry.ownerAddress = ownerAddress;
        entry.at = Instant.now();
        entry.change = Character.toUpperCase(change.charAt(0)) + change.substring(1) + ".";
        entry.persist();
    }

    /** Her own entries, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> of(String ownerId, int limit, Cursor after) {
        return page("ownerId = :owner", Parameters.with("owner", ownerId), limit, after);
    }

    /** Everyone's entries (the administrators'), newest first; of one address when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> all(String address, int limit, Cursor after) {
        return address == null || address.isBlank() ? page("1 = 1", new Parameters(), limit, after)
                : page("lower(ownerAddress) = :address", Parameters.with("address", address.strip().toLowerCase(Locale.ROOT)),
                limit, after);
    }

    private static Page<Entry> page(String where, Parameters parameters, int limit, Cursor after) {
        if (after != null) {
            where += " and " + Cursor.after("at");
            after.parameters().forEach(parameters::and);
        }
        List<ForwardingAudit> rows = ForwardingAudit.<ForwardingAudit>find(where + " order by at desc, id desc", parameters)
                .page(0, limit + 1).list();
        return Page.of(rows, limit, row -> new Cursor(row.at, row.id),
                row -> new Entry(row.at, FrenchDates.dayAndTime(row.at), row.ownerAddress, row.change));
    }

    private static Set<String> active(List<Forward> forwards, boolean suspended) {
        return suspended ? new LinkedHashSet<>() : forwards.stream().filter(Forward::enabled).map(ForwardingJournal::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String key(Forward forward) {
        return forward.address().toLowerCase(Locale.ROOT) + "|" + forward.copy() + "|" + forward.rule();
    }

    private static String rule(Forward forward) {
        return forward.rule() == null || forward.rule().isBlank() ? "règle sans nom" : "règle « " + forward.rule() + " »";
    }
}
