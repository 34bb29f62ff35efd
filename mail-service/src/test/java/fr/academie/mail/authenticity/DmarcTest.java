package fr.academie.mail.authenticity;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DmarcTest {

    @Test
    void aRecordGivesItsPolicyItsSubdomainPolicyAndItsAlignmentModes() {
        Dmarc.Policy policy = Dmarc.parse("v=DMARC1; p=quarantine; sp=reject; adkim=s; rua=mailto:dmarc@exemple.fr")
                .orElseThrow();
        assertEquals(new Dmarc.Policy("quarantine", "reject", false, true), policy);
        assertEquals("quarantine", policy.applied("exemple.fr", "exemple.fr"));
        assertEquals("reject", policy.applied("lettres.exemple.fr", "exemple.fr"));
        assertEquals("quarantine", Dmarc.parse("v=DMARC1;p=quarantine").orElseThrow().applied("a.exemple.fr", "exemple.fr"));
    }

    @Test
    void whatIsNotADmarcRecordIsIgnored() {
        assertEquals(Optional.empty(), Dmarc.parse("v=spf1 -all"));
        assertEquals(Optional.empty(), Dmarc.parse("p=reject; v=DMARC1"), "v= must come first");
        assertEquals(Optional.empty(), Dmarc.parse("v=DMARC1; p=block"), "an unknown policy");
        assertEquals(Optional.empty(), Dmarc.parse("v=DMARC1"), "no policy");
        assertEquals(Optional.empty(), Dmarc.parse(""));
    }

    @Test
    void theOrganizationalDomainComesFromThePublicSuffixList() {
        assertEquals("ac-orleans-tours.fr", Dmarc.organizational("mx.ac-orleans-tours.fr"));
        assertEquals("education.gouv.fr", Dmarc.organizational("listes.education.gouv.fr"));
        assertEquals("exemple.co.uk", Dmarc.organizational("Mail.Exemple.CO.UK"));
        assertEquals("localhost", Dmarc.organizational("localhost"));
    }

    @Test
    void relaxedAlignmentAcceptsTheSameOrganizationStrictOnlyTheSameName() {
        assertTrue(Dmarc.aligned("bounces.exemple.fr", "exemple.fr", false));
        assertFalse(Dmarc.aligned("bounces.exemple.fr", "exemple.fr", true));
        assertTrue(Dmarc.aligned("EXEMPLE.fr", "exemple.fr", true));
        assertFalse(Dmarc.aligned("exemple-envoi.fr", "exemple.fr", false));
        assertFalse(Dmarc.aligned(null, "exemple.fr", false));
    }
}
