package app.backbone.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver (never a downloaded browser: both binaries are
 * given, so Selenium Manager has nothing to look for), with a fresh profile under {@code target/browser}. It records
 * when each page marks {@code <body data-ready="true">}, in milliseconds after its navigation started.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration READY = Duration.ofSeconds(60);
    /**
     * Run before each document's own scripts: notes {@code performance.now()} (time since navigation start) when
     * the body's {@code data-ready} turns {@code true}, or at once if the page arrives with it.
     */
    private static final String READY_CLOCK = """
            new MutationObserver(function (changes, observer) {
              if (document.body && document.body.getAttribute("data-ready") === "true") {
                window.backboneReadyAt = performance.now();
                observer.disconnect();
              }
            }).observe(document, { subtree: true, childList: true, attributes: true,
              attributeFilter: ["data-ready"] });
            """;

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path screenshots) {
        this.service = service;
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Starts the browser; screenshots go to {@code screenshots}. */
    public static Browser start(Path screenshots) throws IOException {
        Path work = Files.createDirectories(Path.of("target/browser").toAbsolutePath());
        Path profile = Files.createTempDirectory(work, "profile-");
        Files.createDirectories(screenshots);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(work.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(READY);
            Browser browser = new Browser(service, driver, screenshots);
            browser.beforeEveryPage(READY_CLOCK);
            return browser;
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
    }

    /** Runs this script in every page opened from now on, before the page's own scripts. */
    public void beforeEveryPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Opens the page and waits until it marks itself ready. */
    public void open(String url) {
        driver.get(url);
        new WebDriverWait(driver, READY).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready",
                "true"));
    }

    /** Opens a page that is not the dashboard's (a sign-in page), waiting only for its load event. */
    public void go(String url) {
        driver.get(url);
    }

    /** The cookies the browser holds for the current page's site. */
    public Set<Cookie> cookies() {
        return driver.manage().getCookies();
    }

    /** Clicks the element, which loads another page, and waits until that one is ready. */
    public void follow(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, READY).until(ExpectedConditions.stalenessOf(page));
        new WebDriverWait(driver, READY).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready",
                "true"));
    }

    /** Milliseconds from the current page's navigation start until it was marked ready. */
    public double readyMillis() {
        return ((Number) driver.executeScript("return window.backboneReadyAt;")).doubleValue();
    }

    public String title() {
        return driver.getTitle();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The {@code data-*} attributes of an element, without the prefix. */
    public Map<String, String> attributes(String css) {
        return rows(css).get(0);
    }

    /**
     * The elements' {@code data-*} attributes without the prefix ({@code week}, {@code session-id}), and those of
     * the cells inside each named by {@code data-field} or {@code data-muscle} as {@code name.attribute}
     * ({@code tonnageKg.value}, {@code LATS.value}, {@code topSet.load}), in document order.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, String>> rows(String css) {
        return (List<Map<String, String>>) driver.executeScript("""
                const data = (element, prefix, into) => {
                  for (const a of element.attributes) {
                    if (a.name.startsWith("data-") && a.name !== "data-field" && a.name !== "data-muscle") {
                      into[prefix + a.name.substring(5)] = a.value;
                    }
                  }
                  return into;
                };
                return Array.from(document.querySelectorAll(arguments[0])).map(row => {
                  const found = data(row, "", {});
                  row.querySelectorAll("[data-field], [data-muscle]").forEach(cell => data(cell,
                      (cell.getAttribute("data-field") || cell.getAttribute("data-muscle")) + ".", found));
                  return found;
                });""", css);
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Lays the page out as for paper ({@code print}) or as on screen ({@code screen}). */
    public void media(String media) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    /** Saves what the window shows as {@code name.png}. */
    public Path screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
