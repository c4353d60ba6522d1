package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The e-mail pages as a parent's phone shows them, in headless Chromium through the local runner: the signup form
 * with a rejected date, the confirmation, the settings and the unsubscribe page. Each page's screenshot is written
 * to docs/mail-pages/ (shown in README), so a change to the pages shows in review.
 */
class MailPagesBrowserE2E {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final String ADDRESS = "browser-parent@example.jp";
    private static final Path SCREENSHOTS = ContentDirectory.inCheckout().orElseThrow().getParent().resolve("docs/mail-pages");
    private static LocalRunner runner;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
        runner = LocalRunner.start(LocalConfig.forTests(TODAY));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aParentSignsUpOnThePhoneSeesWhyADateIsRefusedAndReachesEveryPage() throws Exception {
        browser.get(runner.apiBaseUri() + "/signup/demo");
        assertTrue(browser.getTitle().contains("よりそい町（デモ）"), browser.getTitle());
        screenshot("1-signup.png");

        browser.findElement(By.linkText("English")).click();
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("parenting messages by e-mail"));
        screenshot("1-signup-en.png");
        browser.findElement(By.linkText("日本語")).click();

        browser.findElement(By.id("email")).sendKeys(ADDRESS);
        browser.findElement(By.cssSelector("input[name=kind][value=pregnancy]")).click();
        setDate(browser.findElement(By.id("date")), "2028-06-01");
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.cssSelector("#signup button[type=submit]")).click();

        WebElement problem = browser.findElement(By.id("date-problem"));
        assertEquals("出産予定日は、今日から280日後までの日付でお願いします。", problem.getText());
        assertEquals(ADDRESS, browser.findElement(By.id("email")).getAttribute("value"), "what was typed stays");
        screenshot("2-signup-date-refused.png");

        setDate(browser.findElement(By.id("date")), "2027-06-03");
        if (!browser.findElement(By.id("consent")).isSelected()) {
            browser.findElement(By.id("consent")).click();
        }
        browser.findElement(By.cssSelector("#signup button[type=submit]")).click();
        assertEquals("確認メールをお送りしました", browser.findElement(By.tagName("h1")).getText());
        screenshot("3-check-your-mailbox.png");

        String confirmation = awaitMail(1).getFirst().text();
        browser.get(firstLink(confirmation, "/mail/confirm"));
        screenshot("4-confirm.png");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertEquals("登録が完了しました", browser.findElement(By.tagName("h1")).getText());
        screenshot("5-confirmed.png");

        assertEquals(202, run("2026-11-23"));
        SandboxMessage.Email day = awaitMail(2).getFirst();
        browser.get(runner.baseUri() + "/sandbox");
        screenshot("6-sandbox-with-the-days-mail.png");

        browser.get(firstLink(day.text(), "/mail/settings"));
        assertEquals("配信の設定", browser.findElement(By.tagName("h1")).getText());
        screenshot("7-settings.png");

        browser.get(firstLink(day.text(), "/mail/unsubscribe"));
        screenshot("8-unsubscribe.png");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertEquals("配信を止めました", browser.findElement(By.tagName("h1")).getText());
        screenshot("9-stopped.png");
    }

    /** A date input takes typed keys in the browser's locale format; its value is set the way a picker sets it. */
    private static void setDate(WebElement input, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    private static void screenshot(String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String firstLink(String text, String path) {
        Matcher matcher = Pattern.compile("(http://\\S+" + Pattern.quote(path) + "\\?t=\\S+)").matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    private static List<SandboxMessage.Email> awaitMail(int count) {
        Await.until(count + " mails to " + ADDRESS, Duration.ofSeconds(30), () -> mails().size() >= count);
        return mails();
    }

    private static List<SandboxMessage.Email> mails() {
        return runner.outbox().messages().stream()
                .filter(m -> m.email() != null && m.email().to().contains(ADDRESS))
                .map(SandboxMessage::email)
                .toList();
    }

    private static int run(String date) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runner.apiBaseUri() + "/admin/runs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + runner.services().adminToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + date + "\",\"municipalityId\":\"demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
