package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven through its {@code chromium-driver}, headless, at a phone's width. Where they are
 * missing, CI (environment CI set, as .ci/run runs) fails with what to install, while a developer's run skips the
 * browser checks with the same message: the browser is a system package Maven cannot bring, and Selenium must not
 * try to download one.
 */
final class HeadlessChromium {

    static final String INSTALL = "apt-get install chromium chromium-driver fonts-ipafont-gothic (.ci/run does this)";

    private HeadlessChromium() {}

    static ChromeDriver start() {
        Optional<Path> browser = firstExisting(System.getenv("CHROMIUM_BINARY"), "/usr/bin/chromium",
                "/usr/bin/chromium-browser");
        Optional<Path> driver = firstExisting(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver");
        if (browser.isEmpty() || driver.isEmpty()) {
            String message = "chromium or chromedriver is not installed: " + INSTALL;
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort("browser checks skipped: " + message);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.get().toFile())
                // root in CI containers has no user namespace for chromium's sandbox; /dev/shm may be tiny there
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=430,1200",
                        "--lang=ja", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> firstExisting(String... candidates) {
        return Arrays.stream(candidates)
                .filter(c -> c != null && !c.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }
}
