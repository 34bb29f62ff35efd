package fr.academie.mail.imap;

import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaCountUsage;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.QuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.reactivestreams.Publisher;

/**
 * The quota IMAP tells (GETQUOTAROOT, GETQUOTA: RFC 9208's STORAGE, in KiB) and checks before an APPEND or a COPY:
 * the web page's own figure ({@link fr.academie.mail.quota.Quotas}), one per mailbox; no limit on the number of
 * messages.
 */
final class MailboxQuota implements QuotaManager {

    private final fr.academie.mail.quota.Quotas quotas;
    private final QuotaRootResolver roots;

    MailboxQuota(fr.academie.mail.quota.Quotas quotas, QuotaRootResolver roots) {
        this.quotas = quotas;
        this.roots = roots;
    }

    @Override
    public Quotas getQuotas(QuotaRoot root) {
        return new QuotaManager.Quotas(getMessageQuota(root), getStorageQuota(root));
    }

    @Override
    public Quota<QuotaCountLimit, QuotaCountUsage> getMessageQuota(QuotaRoot root) {
        return Quota.<QuotaCountLimit, QuotaCountUsage>builder().used(QuotaCountUsage.count(0))
                .computedLimit(QuotaCountLimit.unlimited()).build();
    }

    @Override
    public Quota<QuotaSizeLimit, QuotaSizeUsage> getStorageQuota(QuotaRoot root) {
        fr.academie.mail.quota.Quotas.Usage usage = quotas.usage(roots.associatedUsername(root).asString());
        return Quota.<QuotaSizeLimit, QuotaSizeUsage>builder().used(QuotaSizeUsage.size(usage.used()))
                .computedLimit(QuotaSizeLimit.size(usage.quota())).build();
    }

    @Override
    public Publisher<QuotaManager.Quotas> getQuotasReactive(QuotaRoot root) {
        return FolderMapper.blocking(() -> getQuotas(root));
    }
}
