package fr.academie.gateway.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignInResourceTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "/messagerie, /messagerie",
            "/demarches?id=42#pj, /demarches?id=42#pj",
            "NULL, /",
            "'', /",
            "https://evil.example/, /",
            "//evil.example/, /",
            "/\\evil.example, /",
            "javascript:alert(1), /",
            "messagerie, /",
    })
    void onlyAPathOfThisSiteIsFollowedAfterSignIn(String asked, String expected) {
        assertEquals(expected, SignInResource.safe(asked));
    }
}
