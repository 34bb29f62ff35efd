package fr.academie.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * deploy/kubernetes/validation (validate.mjs and its pinned npm packages), installed once per test run into
 * target/validation with {@code npm ci} and run with the pinned Node.js.
 */
final class SchemaValidator {

    private static Path installed;

    private SchemaValidator() {
    }

    static Tools.Result validate(List<Path> files) {
        List<String> arguments = new ArrayList<>(List.of("validate.mjs"));
        files.forEach(file -> arguments.add(file.toAbsolutePath().toString()));
        return Tools.node(install(), arguments.toArray(String[]::new));
    }

    private static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        Path source = Manifests.DIR.resolve("validation");
        Path target = Manifests.WORK.resolve("validation");
        try {
            Files.createDirectories(target.resolve("schemas"));
            for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
                Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            try (var schemas = Files.list(source.resolve("schemas"))) {
                for (Path schema : schemas.toList()) {
                    Files.copy(schema, target.resolve("schemas").resolve(schema.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.node(target, Tools.npmCli(), "ci", "--no-audit", "--no-fund", "--ignore-scripts").checked();
        installed = target;
        return target;
    }
}
