package fr.academie.e2e;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules over the compiled classes of every module (this module comes last in the build, after all of them): no two
 * packages depend on each other, directly or through others, each package a slice of its own; every constraint
 * says in French what is wrong.
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

    private static final JavaClasses REACTOR = reactor();

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(REACTOR);
    }

    /**
     * A broken constraint's message is what the person reads (the problem's detail): each carries its own, naming
     * the thing in words ("le nom du dossier ne peut dépasser 100 caractères"), never the validator's default
     * under the code's field name. Fields (record components) and parameters; constraints on type arguments
     * ({@code List<@NotNull …>}) are out of ArchUnit's reach.
     */
    @Test
    void everyConstraintHasItsOwnMessage() {
        List<String> constraints = new ArrayList<>();
        for (JavaClass type : REACTOR) {
            type.getFields().forEach(field -> field.getAnnotations().stream().filter(ArchitectureTest::constraint)
                    .forEach(a -> constraints.add(field.getFullName() + " " + describe(a))));
            type.getCodeUnits().forEach(unit -> unit.getParameters().forEach(parameter -> parameter.getAnnotations()
                    .stream().filter(ArchitectureTest::constraint)
                    .forEach(a -> constraints.add(unit.getFullName() + " #" + parameter.getIndex() + " " + describe(a)))));
        }
        assertTrue(constraints.size() > 100, "the constraints are seen (Jakarta Validation on the classpath): "
                + constraints.size());
        assertEquals(List.of(), constraints.stream().filter(c -> c.endsWith(" without")).sorted().toList(),
                "constraints without a message of their own");
    }

    private static boolean constraint(JavaAnnotation<?> annotation) {
        return annotation.getRawType().isAnnotatedWith("jakarta.validation.Constraint");
    }

    private static String describe(JavaAnnotation<?> constraint) {
        return "@" + constraint.getRawType().getSimpleName()
                + (constraint.hasExplicitlyDeclaredProperty("message") ? " with" : " without");
    }

    private static JavaClasses reactor() {
        Path root = Path.of(System.getProperty("portail.root", "../.."));
        List<Path> classes = MODULES.stream().map(module -> root.resolve(module).resolve("target/classes")).toList();
        classes.forEach(dir -> assertTrue(Files.isDirectory(dir), dir + " is missing: build the reactor first"));
        return new ClassFileImporter().importPaths(classes);
    }
}
