package fr.academie.mail.signin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two ways mail clients hand over an access token: OAUTHBEARER (RFC 7628) and XOAUTH2. */
class BearerResponseTest {

    @Test
    void oauthBearerAsThunderbirdSendsItWithHostAndPort() {
        assertEquals(Optional.of(new BearerResponse("lena.martin@ac-orleans-tours.fr", "a.b.c")),
                parse("n,a=lena.martin@ac-orleans-tours.fr,\u0001host=imap.ac-orleans-tours.fr\u0001port=993\u0001"
                        + "auth=Bearer a.b.c\u0001\u0001"));
    }

    @Test
    void oauthBearerWithoutAUserOrWithAnEscapedComma() {
        assertEquals(Optional.of(new BearerResponse("", "a.b.c")), parse("n,,\u0001auth=Bearer a.b.c\u0001\u0001"));
        assertEquals("a,b=c", parse("n,a=a=2Cb=3Dc,\u0001auth=Bearer t\u0001\u0001").orElseThrow().user());
    }

    @Test
    void xoauth2() {
        assertEquals(Optional.of(new BearerResponse("lmartin", "a.b.c")),
                parse("user=lmartin\u0001auth=Bearer a.b.c\u0001\u0001"));
    }

    @Test
    void whatIsNotOneBearerTokenIsRefused() {
        assertEquals(Optional.empty(), BearerResponse.parse("pas du base64 !"));
        assertEquals(Optional.empty(), parse("user=lmartin\u0001\u0001"));
        assertEquals(Optional.empty(), parse("user=lmartin\u0001auth=Basic bG1hcnRpbg==\u0001\u0001"));
        assertEquals(Optional.empty(), parse("user=x\u0001auth=Bearer a\u0001auth=Bearer b\u0001\u0001"));
        assertEquals(Optional.empty(), parse("n,a=lmartin"));
    }

    private static Optional<BearerResponse> parse(String text) {
        return BearerResponse.parse(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
