package fr.academie.gateway.browser;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Service;
import fr.academie.stack.testing.Chromium;
import fr.academie.stack.testing.MailClients;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Totp;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Chromium on the portal as the SPA's tests drive it: signed in, its pages read through their shadow roots. */
final class PortalPages {

    private PortalPages() {
    }

    /**
     * A browser signed in as the person, on that page of the portal. It has a client address of its own (the tests'
     * gateway trusts X-Forwarded-For): the suite's other classes have used the per-address API budget of 127.0.0.1,
     * and a webmail asks for more than a page of the portal.
     */
    static ChromeDriver signIn(URI gateway, String username, String path) {
        return signIn(gateway, username, path, false);
    }

    /** The same for a profile that signs in with a second factor (enrolled at its first sign-in). */
    static ChromeDriver signInWithSecondFactor(URI gateway, String username, String path) {
        return signIn(gateway, username, path, true);
    }

    private static ChromeDriver signIn(URI gateway, String username, String path, boolean secondFactor) {
        ChromeDriver browser = withAnAddressOfItsOwn();
        browser.get(gateway.resolve(path).toString());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        if (secondFactor) {
            secondFactor(browser, username);
        }
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(gateway.resolve(path).toString()));
        return browser;
    }

    /** A browser with a client address of its own (see {@link #signIn}), not signed in. */
    static ChromeDriver withAnAddressOfItsOwn() {
        ChromeDriver browser = Chromium.start();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For",
                "10." + random.nextInt(1, 250) + "." + random.nextInt(1, 250) + "." + random.nextInt(1, 250))));
        return browser;
    }

    /** The OTP page of an account with a second factor: enrols it the first time, then types the current code. */
    static void secondFactor(WebDriver browser, String username) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver.findElements(By.id("otp")).isEmpty()
                || !driver.findElements(By.id("kc-totp-settings-form")).isEmpty());
        if (!browser.findElements(By.id("kc-totp-settings-form")).isEmpty()) {
            browser.findElement(By.id("mode-manual")).click();
            Totp.remember(username, browser.findElement(By.id("kc-totp-secret-key")).getText());
            browser.findElement(By.id("totp")).sendKeys(Totp.nextCode(username));
            browser.findElement(By.id("saveTOTPBtn")).click();
        } else {
            browser.findElement(By.id("otp")).sendKeys(Totp.nextCode(username));
            browser.findElement(By.id("kc-login")).click();
        }
    }

    /** The message sent to the MX by a client nobody here wrote (swaks), as a server on the internet would. */
    static void sendThroughMx(String from, TestStack.Account to, Path message) throws Exception {
        Process swaks = new ProcessBuilder(MailClients.require("swaks", "swaks").toString(), "--server", "127.0.0.1",
                "--port", String.valueOf(TestStack.get().stack().mxPort()), "--from", from,
                "--to", to.email(), "--data", "@" + message).redirectErrorStream(true).start();
        String transcript = new String(swaks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (swaks.waitFor() != 0) {
            throw new AssertionError("swaks did not deliver: " + transcript);
        }
    }

    /** The person's own calls to mail-service, straight (their portail token carries its audience). */
    static RequestSpecification mailApi(TestStack.Account account) {
        return RestAssured.given().baseUri(TestStack.get().service(Service.MAIL))
                .auth().oauth2(TestStack.get().accessToken(account.username()));
    }

    /** The id of the person's folder with that system role (INBOX, SENT, ARCHIVE...). */
    static String folderId(TestStack.Account account, String role) {
        return mailApi(account).get("/folders").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.systemRole == '" + role + "' }.id");
    }

    /** An .eml (HTML body, dated by its Date header) imported into the person's inbox. */
    static void importIntoInbox(TestStack.Account account, String from, String subject, String html, Instant date) {
        String message = "From: " + from + "\r\nTo: " + account.email() + "\r\nDate: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atZone(ZoneOffset.UTC))
                + "\r\nSubject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + "?=\r\nMessage-ID: <" + UUID.randomUUID() + "@exemple.fr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n";
        mailApi(account).contentType("message/rfc822").body(message.getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", folderId(account, "INBOX")).then().statusCode(201);
    }

    static Object script(WebDriver browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The text of the element the expression designates, or "" when there is none. */
    static String text(WebDriver browser, String element) {
        Object text = script(browser, "const e = " + element + "; return e ? e.textContent : null;");
        return text == null ? "" : text.toString();
    }

    /** Waits, and on a time-out says what the page shows (CI runs cannot be replayed). */
    static void waitFor(WebDriver browser, String page, Duration timeout, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, timeout).ignoring(RuntimeException.class).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("at " + browser.getCurrentUrl() + " the page shows «" + text(browser, page).replaceAll("\\s+", " ")
                    + "», console " + browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList(), e);
        }
    }
}
