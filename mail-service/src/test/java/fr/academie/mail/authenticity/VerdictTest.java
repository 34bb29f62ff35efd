package fr.academie.mail.authenticity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerdictTest {

    @Test
    void theResultsAreWrittenOneByOne() {
        Verdict verdict = new Verdict("pass", "exemple.fr", List.of(new Verdict.Signature("pass", "exemple.fr", "s1")),
                "pass", "Exemple.fr", Verdict.Disposition.DELIVER);
        assertEquals("Authentication-Results: mx.ac-orleans-tours.fr;\r\n\tspf=pass smtp.mailfrom=exemple.fr;\r\n"
                + "\tdkim=pass header.d=exemple.fr header.s=s1;\r\n\tdmarc=pass header.from=exemple.fr\r\n",
                verdict.header("mx.ac-orleans-tours.fr"));
    }

    @Test
    void aNameTheSenderChoseCannotAddResultsOfItsOwn() {
        // a bounce is checked under its HELO name, which the connecting client writes as it likes
        Verdict forged = new Verdict("none", "relais; dkim=pass header.d=banque.fr", List.of(), "none", null,
                Verdict.Disposition.DELIVER);
        assertEquals("Authentication-Results: mx;\r\n\tspf=none;\r\n\tdkim=none;\r\n\tdmarc=none\r\n",
                forged.header("mx"));
    }
}
