package fr.academie.mail.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** The senders whose remote images a person always sees. */
@ApplicationScoped
@Transactional
public class TrustedSenderService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> list(String ownerId) {
        return TrustedSender.of(ownerId);
    }

    public void trust(String ownerId, String address) {
        TrustedSender.trust(ownerId, address);
    }

    public boolean forget(String ownerId, String address) {
        return TrustedSender.forget(ownerId, address);
    }
}
