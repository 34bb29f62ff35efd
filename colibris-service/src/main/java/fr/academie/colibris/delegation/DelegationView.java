package fr.academie.colibris.delegation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A delegation as its two people read it: who to whom, which role, which days, whether it runs today. */
public record DelegationView(UUID id, String delegatorName, String delegateName, String role, LocalDate from,
                             LocalDate to, boolean active) {

    static DelegationView of(Delegation d, LocalDate today) {
        return new DelegationView(d.id, d.delegatorName, d.delegateName, d.role, d.startsOn, d.endsOn,
                !d.startsOn.isAfter(today) && !d.endsOn.isBefore(today));
    }

    /** Those a person gave and those they hold, not ended nor revoked. */
    public record Lists(List<DelegationView> given, List<DelegationView> received) {
    }
}
