package fr.academie.mail;

import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JVM setting mail-service's entry point makes, read back from a PKCS#12 key store as the JDK writes it. */
class MailServiceMainTest {

    private final String given = System.getProperty(MailServiceMain.KEY_STORE_ROUNDS);

    @AfterEach
    void restore() {
        if (given == null) {
            System.clearProperty(MailServiceMain.KEY_STORE_ROUNDS);
        } else {
            System.setProperty(MailServiceMain.KEY_STORE_ROUNDS, given);
        }
    }

    @Test
    void aKeyPutInAKeyStoreTakesOneRoundOfPbkdf2InsteadOfTheJdksTenThousand() throws Exception {
        System.clearProperty(MailServiceMain.KEY_STORE_ROUNDS);
        assertEquals(List.of(10_000), roundsOfTheKeysStored());
        MailServiceMain.keyStoresInMemoryOnly();
        assertEquals(List.of(1), roundsOfTheKeysStored());
    }

    @Test
    void aCountGivenOnTheCommandLineStays() throws Exception {
        System.setProperty(MailServiceMain.KEY_STORE_ROUNDS, "20000");
        MailServiceMain.keyStoresInMemoryOnly();
        assertEquals(List.of(20_000), roundsOfTheKeysStored());
    }

    /** The PBKDF2 rounds of each key in a PKCS#12 key store holding one key and its certificate, as stored. */
    private static List<Integer> roundsOfTheKeysStored() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=mail.ac-orleans-tours.fr");
        Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(Instant.now()), Date.from(Instant.now().plus(Duration.ofDays(1))), name,
                pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        char[] password = "in-memory".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("mail", pair.getPrivate(), password, new Certificate[] {certificate});
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        store.store(written, password);

        List<Integer> rounds = new ArrayList<>();
        for (var content : new PKCS12PfxPdu(written.toByteArray()).getContentInfos()) {
            if (!PKCSObjectIdentifiers.data.equals(content.getContentType())) {
                continue; // the certificates' encrypted part; the key's bag is in the plain "data" part
            }
            for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(content).getSafeBags()) {
                if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo key) {
                    PBES2Parameters scheme = PBES2Parameters.getInstance(
                            key.toASN1Structure().getEncryptionAlgorithm().getParameters());
                    rounds.add(PBKDF2Params.getInstance(scheme.getKeyDerivationFunc().getParameters())
                            .getIterationCount().intValueExact());
                }
            }
        }
        return rounds;
    }
}
