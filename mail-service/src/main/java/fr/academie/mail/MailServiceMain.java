package fr.academie.mail;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * mail-service's entry point: Quarkus, started after one JVM setting its protocol doors need for a quick start.
 * <p>
 * The mail certificate comes as PEM (a Kubernetes TLS secret, the stack's files). Each time a TLS context is built from
 * it — the TLS registry's check at start, then each door: MX, submission, IMAP, ManageSieve — Vert.x puts the key
 * into an in-memory PKCS#12 key store under a random password, and the JDK protects a key it puts in such a store
 * with 10,000 rounds of PBKDF2, once to store it and once for each read: a fifth of the start's main thread and as
 * much again on the doors' threads (JFR), 0.15–0.3 s of the first request's time (FirstRequestBenchmark). These stores
 * never leave memory and their password is random, so the rounds guard nothing: one round. The setting is the JVM's
 * (a key store this process wrote to disk would get one round too; mail-service writes none), and a value given on
 * the command line stays.
 */
@QuarkusMain
public final class MailServiceMain {

    /** The JDK's count of PBKDF2 rounds for a key put in a PKCS#12 key store (a system or security property). */
    static final String KEY_STORE_ROUNDS = "keystore.pkcs12.keyPbeIterationCount";

    private MailServiceMain() {
    }

    public static void main(String... args) {
        keyStoresInMemoryOnly();
        Quarkus.run(args);
    }

    /** One PBKDF2 round for keys put in PKCS#12 key stores, unless the command line says otherwise. */
    static void keyStoresInMemoryOnly() {
        if (System.getProperty(KEY_STORE_ROUNDS) == null) {
            System.setProperty(KEY_STORE_ROUNDS, "1");
        }
    }
}
