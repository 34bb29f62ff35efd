package fr.academie.iprof.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Finds the career record of an account. */
@ApplicationScoped
@Transactional
public class AgentService {

    /**
     * The record linked to the account; at the first visit, the record HR imported under the person's
     * identifier is linked to the account, so that later lookups use the token subject only.
     */
    public Optional<CareerSummary> summaryOf(String accountId, String identifier) {
        return Agent.ofAccount(accountId)
                .or(() -> Agent.unlinked(identifier).map(agent -> {
                    agent.accountId = accountId;
                    return agent;
                }))
                .map(CareerSummary::of);
    }
}
