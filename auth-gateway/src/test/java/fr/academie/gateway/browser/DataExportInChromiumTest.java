package fr.academie.gateway.browser;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Léna asks for her data on "Mon compte", sees it being prepared, then ready, downloads the archive with the link
 * (a ZIP with its README, her account and her mailbox) and finds the request marked downloaded. The section fits a
 * phone and passes axe-core.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class DataExportInChromiumTest {

    private static final String PAGE = "document.querySelector('portail-app').shadowRoot.querySelector('page-compte').shadowRoot";
    private static final String SECTION = PAGE + ".querySelector('#donnees')";

    @TestHTTPResource("/")
    URI gateway;

    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void lenaAsksForHerDataAndDownloadsItOnce() throws Exception {
        TestStack.Account lena = TestStack.get().newAccount("personnel", "enseignant");
        browser = PortalPages.signIn(gateway, lena.username(), "/compte");
        Path downloads = Files.createTempDirectory("mes-donnees");
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        waitFor(d -> PortalPages.text(d, SECTION).contains("Demander mes données"));

        PortalPages.script(browser, "return " + SECTION + ".querySelector('#demander-donnees').click()");
        waitFor(d -> PortalPages.text(d, SECTION).contains("Prête à télécharger"));
        Accessibility.assertNoSeriousViolation(browser, "Mon compte, mes données prêtes");
        browser.manage().window().setSize(new Dimension(390, 844));
        Number right = (Number) PortalPages.script(browser, "return " + SECTION + ".getBoundingClientRect().right");
        assertTrue(right.doubleValue() <= 390, "the section fits a phone: " + right);

        PortalPages.script(browser, "return " + SECTION + ".querySelector('a.bouton').click()");
        Path archive = awaitDownload(downloads);
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertTrue(names.contains("LISEZMOI.txt") && names.contains("compte/connexions.json")
                && names.contains("messagerie/dossiers/Boîte de réception.mbox"), names.toString());
        waitFor(d -> PortalPages.text(d, SECTION).contains("Téléchargée"));
    }

    private static Path awaitDownload(Path directory) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Stream<Path> files = Files.list(directory)) {
                var done = files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no archive downloaded into " + directory);
    }

    private void waitFor(Function<WebDriver, Boolean> condition) {
        PortalPages.waitFor(browser, PAGE, Duration.ofSeconds(60), condition);
    }
}
