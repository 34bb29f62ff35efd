package fr.academie.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from the keycloak-quarkus-dist zip that Maven resolved, built once for PostgreSQL
 * ({@code kc.sh build}) and then started with {@code --optimized}, which skips the build at every start.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "ac-orleans-tours";
    static final String BUILD_OPTIONS = "--db=postgres --health-enabled=true --metrics-enabled=true";
    private static final String PROVIDERS_JAR = "keycloak-extensions.jar";

    /** Where and how to run: ports on loopback, the database, the bootstrap admin client. */
    public record Options(Path home, int httpPort, int managementPort, String jdbcUrl, String dbUser,
                          String adminClientId, String adminSecret, Path log) {
    }

    private final ChildProcess process;
    private final int httpPort;

    private Keycloak(ChildProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /**
     * Unpacks Keycloak under the directory, adds the académie's providers and builds it; later calls return the
     * existing install, unless the build options or the providers changed.
     */
    public static Path install(Path directory) {
        Properties build = buildProperties();
        Path home = directory.resolve("keycloak-" + build.getProperty("keycloak.version"));
        Path marker = home.resolve(".portail-build");
        byte[] providers = providersJar();
        String fingerprint = BUILD_OPTIONS + " providers=" + sha256(providers);
        try {
            if (Files.exists(marker) && Files.readString(marker).trim().equals(fingerprint)) {
                return home;
            }
            deleteTree(home); // built with other options, or half-built
        } catch (IOException e) {
            throw new StackException("Cannot reuse the Keycloak install " + home + ": " + e.getMessage(), e);
        }
        Path zip = Path.of(build.getProperty("keycloak.zip"));
        if (!Files.exists(zip)) {
            throw new StackException("The Keycloak distribution is missing from the Maven repository (" + zip
                    + "). Run ./mvnw -pl deploy/local-stack -am package to resolve it.");
        }
        Path staging = directory.resolve(home.getFileName() + ".staging-" + ProcessHandle.current().pid());
        try {
            unzip(zip, staging);
            Path stagedHome = staging.resolve(home.getFileName());
            Files.write(stagedHome.resolve("providers").resolve(PROVIDERS_JAR), providers);
            runBuild(stagedHome);
            Files.writeString(stagedHome.resolve(".portail-build"), fingerprint + "\n");
            if (!Files.exists(home)) {
                Files.move(stagedHome, home, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(staging);
            return home;
        } catch (IOException e) {
            throw new StackException("Cannot install Keycloak under " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Starts Keycloak, importing the realm file on first start (an existing realm is left as it is). */
    public static Keycloak start(Options options, Path realmFile) {
        return start(options, realmFile, false);
    }

    /**
     * JVM options added to Keycloak's own ({@code JAVA_OPTS_APPEND}); {@link #ARGON2_INLINED} unless set (a benchmark
     * compares with {@code -Xshare:auto}, which changes nothing).
     */
    public static final String JVM_OPTIONS = "portail.keycloak-jvm-options";
    /**
     * The password hash's code compiled whole: left to itself, HotSpot compiles Bouncy Castle's Argon2 well in some JVMs
     * and badly in others (20–22 ms a hash, or 29–55 ms, from one start to the next on this machine's JDK 17, stable
     * within each); inlining its methods gives 20–25 ms in every start (root README, "Performance at the September peak").
     */
    public static final String ARGON2_INLINED = "-XX:CompileCommand=quiet"
            + " -XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*";

    private static String jvmOptions() {
        String options = System.getProperty(JVM_OPTIONS, "");
        return options.isBlank() ? ARGON2_INLINED : options;
    }

    /** Starts Keycloak; {@code again} (after a crash) keeps what its log holds. */
    public static Keycloak start(Options options, Path realmFile, boolean again) {
        try {
            Path imports = options.home().resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("Cannot stage the realm for import: " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(options.home().resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--import-realm",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + options.httpPort(),
                "--hostname=http://localhost:" + options.httpPort(),
                "--http-management-port=" + options.managementPort(),
                // one node: no JGroups discovery, which waits ~20 s for the members of a previous run
                // (Kubernetes runs Keycloak clustered, through its operator)
                "--cache=local",
                // the sign-in journal's expired rows are swept every 10 s here (hourly by default), so that a test
                // sees the sweep within seconds; the period kept is the default, a year (keycloak-extensions README)
                "--spi-events-listener--portail-connexions--every=PT10S",
                "--db-url=" + options.jdbcUrl(), "--db-username=" + options.dbUser()));
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                // the bootstrap admin client is created on the first start only; the stack keeps its secret
                "KC_BOOTSTRAP_ADMIN_CLIENT_ID", options.adminClientId(),
                "KC_BOOTSTRAP_ADMIN_CLIENT_SECRET", options.adminSecret(),
                "KC_DB_PASSWORD", "unused-trust-on-loopback",
                // a pooled connection is checked before it is lent: after PostgreSQL restarts, Keycloak takes new
                // connections instead of failing until its pool empties (as the services: common's configuration)
                "QUARKUS_DATASOURCE_JDBC_VALIDATE_ON_BORROW", "true",
                "JAVA_OPTS_APPEND", jvmOptions());
        ChildProcess process = ChildProcess.start("Keycloak", command, env, options.home(), options.log(), again);
        Keycloak keycloak = new Keycloak(process, options.httpPort());
        try {
            process.awaitReady(URI.create("http://127.0.0.1:" + options.managementPort() + "/health/ready"),
                    Duration.ofMinutes(3));
            return keycloak;
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
    }

    public ChildProcess process() {
        return process;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    @Override
    public void close() {
        process.close();
    }

    /** The keycloak-extensions module's jar, which Maven copies into this module's resources. */
    private static byte[] providersJar() {
        try (InputStream in = Keycloak.class.getResourceAsStream("/stack/providers/" + PROVIDERS_JAR)) {
            if (in == null) {
                throw new StackException("The Keycloak providers jar is missing from the stack's classpath: build "
                        + "the keycloak-extensions module first (./mvnw -pl deploy/local-stack -am package).");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Properties buildProperties() {
        try (InputStream in = Keycloak.class.getResourceAsStream("/stack/build.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void runBuild(Path home) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(List.of(BUILD_OPTIONS.split(" ")));
        Path log = home.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = builder.start();
        try {
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new StackException("kc.sh build failed, see " + log);
            }
        } catch (InterruptedException e) {
            build.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted during kc.sh build", e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    if (file.toString().endsWith(".sh")) {
                        file.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
