package fr.academie.mail.personal;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.mail.autoreply.AutoReplyService;
import fr.academie.mail.draft.DraftService;
import fr.academie.mail.forwarding.ForwardingJournal;
import fr.academie.mail.forwarding.ForwardingService;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.message.TrustedSenderService;
import fr.academie.mail.rules.RulesService;
import fr.academie.mail.signature.SignatureService;
import fr.academie.mail.signin.AppPasswordService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** Her mail settings and records for "Mes données", read in the request (they are small): file name → value. */
@ApplicationScoped
class MailRecords {

    private final DraftService drafts;
    private final LabelService labels;
    private final SignatureService signatures;
    private final RulesService rules;
    private final AutoReplyService autoReply;
    private final ForwardingService forwarding;
    private final ForwardingJournal journal;
    private final TrustedSenderService trusted;
    private final AppPasswordService appPasswords;

    MailRecords(DraftService drafts, LabelService labels, SignatureService signatures, RulesService rules,
             AutoReplyService autoReply, ForwardingService forwarding, ForwardingJournal journal,
             TrustedSenderService trusted, AppPasswordService appPasswords) {
        this.drafts = drafts;
        this.labels = labels;
        this.signatures = signatures;
        this.rules = rules;
        this.autoReply = autoReply;
        this.forwarding = forwarding;
        this.journal = journal;
        this.trusted = trusted;
        this.appPasswords = appPasswords;
    }

    Map<String, Object> of(String owner) {
        Map<String, Object> records = new LinkedHashMap<>();
        records.put("brouillons.json", Page.every(after -> drafts.list(owner, Cursor.MAX_LIMIT, after)));
        records.put("etiquettes.json", labels.list(owner));
        records.put("signatures.json", signatures.list(owner));
        records.put("regles.json", rules.of(owner));
        records.put("reponse-automatique.json", autoReply.of(owner));
        records.put("transfert.json", forwarding.of(owner));
        records.put("journal-des-transferts.json", Page.every(after -> journal.of(owner, Cursor.MAX_LIMIT, after)));
        records.put("expediteurs-de-confiance.json", trusted.list(owner));
        records.put("mots-de-passe-d-application.json", appPasswords.list(owner));
        return records;
    }
}
