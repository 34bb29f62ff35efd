package fr.academie.gateway.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationCatalogueTest {

    private final ApplicationCatalogue catalogue = new ApplicationCatalogue(Optional.empty());

    @Test
    void aTeacherSeesHerClassroomApplicationsAndNotTheAdministration() {
        assertEquals(List.of("messagerie", "carriere", "demarches", "pronote", "educonnect", "ent", "intranet"),
                ids(List.of("personnel", "enseignant")));
    }

    @Test
    void anHrManagerSeesTheStaffApplicationsOnly() {
        assertEquals(List.of("messagerie", "carriere", "demarches", "intranet"), ids(List.of("personnel", "gestionnaire-rh")));
    }

    @Test
    void anAdministratorAlsoSeesTheAdministrationAndNoRoleSeesNothing() {
        assertTrue(ids(List.of("personnel", "admin-academique")).contains("administration"));
        assertEquals(List.of(), ids(List.of()));
    }

    @Test
    void aCatalogueFileReplacesTheBuiltInOneAndAMalformedOneIsRefused(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("catalogue.json"), """
                {"applications": [{"id": "cned", "name": "CNED", "description": "Formations", "url": "https://www.cned.fr/",
                  "icon": "🎒", "roles": ["enseignant"]}]}""");
        assertEquals(List.of("CNED"), ApplicationCatalogue.read(Optional.of(file)).stream()
                .map(ApplicationCatalogue.Application::name).toList());
        Files.writeString(file, """
                {"applications": [{"id": "x", "name": "X", "url": "javascript:alert(1)", "roles": ["personnel"]}]}""");
        assertThrows(RuntimeException.class, () -> ApplicationCatalogue.read(Optional.of(file)));
        Files.writeString(file, "{\"applications\": [{\"id\": \"x\", \"name\": \"X\", \"url\": \"/x\", \"roles\": []}]}");
        assertThrows(RuntimeException.class, () -> ApplicationCatalogue.read(Optional.of(file)));
        assertThrows(UncheckedIOException.class, () -> ApplicationCatalogue.read(Optional.of(directory.resolve("absent.json"))));
    }

    private List<String> ids(List<String> roles) {
        return catalogue.visibleTo(roles).stream().map(ApplicationCatalogue.Application::id).toList();
    }
}
