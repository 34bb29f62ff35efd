package fr.academie.e2e;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No two packages depend on each other, directly or through others, anywhere in the reactor: the compiled classes
 * of every module (this module comes last in the build, after all of them), each package a slice of its own.
 */
class ArchitectureTest {

    private static final List<String> MODULES = List.of("common", "keycloak-extensions", "deploy/local-stack",
            "mail-service", "iprof-service", "colibris-service", "auth-gateway");

    /** Each package its own slice (a sub-package too: it may use its parent, or the parent it, not both). */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("fr.academie.")
                    ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the reactor's packages";
        }
    };

    @Test
    void noTwoPackagesDependOnEachOther() {
        Path root = Path.of(System.getProperty("portail.root", "../.."));
        List<Path> classes = MODULES.stream().map(module -> root.resolve(module).resolve("target/classes")).toList();
        classes.forEach(dir -> assertTrue(Files.isDirectory(dir), dir + " is missing: build the reactor first"));
        JavaClasses imported = new ClassFileImporter().importPaths(classes);
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(imported);
    }
}
