package com.circoflows.localrunner.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, as Debian packages it: the browser at {@value #BROWSER_PATH} driven through
 * the chromium-driver package's {@value #DRIVER_PATH}. Both paths are given explicitly, so Selenium
 * Manager never runs and nothing is downloaded. Each instance has a fresh profile (no cookies, no
 * cache) in a temporary folder it deletes on close; {@link #reset()} makes a used one as good as new.
 */
final class Browser implements AutoCloseable {
    static final String BROWSER_PATH = "/usr/bin/chromium";
    static final String DRIVER_PATH = "/usr/bin/chromedriver";
    static final int PHONE_WIDTH = 375;
    static final int PHONE_HEIGHT = 812;
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 800;
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Selenium warns that it has no DevTools bindings for the newest Chromium; the tests use only
     * chromedriver's version-independent CDP passthrough, so the warning is noise. Held here so the
     * logger (and its level) is not garbage collected.
     */
    private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(BROWSER_PATH)) && Files.isExecutable(Path.of(DRIVER_PATH));
    }

    static Browser start() {
        return start(true);
    }

    /** @param javascript false starts a browser that runs no script at all (the page must still work) */
    static Browser start(boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("circoflows-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER_PATH))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER_PATH);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--password-store=basic",
                "--lang=en-US",
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
                "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        Browser browser = new Browser(service, driver, profile);
        browser.desktop();
        return browser;
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Back to what a freshly started browser shows (one blank tab at desktop size, no cookies, no
     * cache, no extra headers; the pages keep nothing in site storage), so one Chromium can serve a whole test JVM: starting one costs
     * about a second and a half of the two cores, and the browser tests have some twenty methods.
     */
    Browser reset() {
        List<String> windows = List.copyOf(driver.getWindowHandles());
        for (String window : windows.subList(1, windows.size())) {
            driver.switchTo().window(window).close();
        }
        driver.switchTo().window(windows.get(0));
        driver.get("about:blank");
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        return desktop();
    }

    /** A phone-sized viewport (375 x 812 CSS px, touch, mobile meta viewport honoured). */
    Browser phone() {
        return viewport(PHONE_WIDTH, PHONE_HEIGHT, true);
    }

    /** A laptop-sized viewport (1280 x 800 CSS px). */
    Browser desktop() {
        return viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    /** Emulates the viewport through DevTools: a window cannot be made narrower than ~500 px on every platform. */
    Browser viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile));
        return this;
    }

    /** Overrides the Accept-Language header the browser sends, e.g. "de-DE,de;q=0.9". */
    Browser acceptLanguage(String acceptLanguage) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Accept-Language", acceptLanguage)));
        return this;
    }

    Browser open(String url) {
        driver.get(url);
        return this;
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /**
     * Waits (up to 20 s) until the condition is neither null nor false. An element found on the page
     * being left is stale by the time it is read: that is "not yet", not a failure.
     */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /**
     * Waits until the page holding the element has been replaced by the next one. While Chromium swaps
     * documents, ChromeDriver may call a node of the outgoing one "not in the document" instead of
     * stale; either way the page has been left.
     */
    void awaitLeaving(WebElement element) {
        await(ignored -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException | NoSuchElementException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The whole page (not just the viewport) as a PNG under target/screenshots/{name}.png, taken through
     * DevTools so a long phone page is captured top to bottom.
     */
    Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        @SuppressWarnings("unchecked")
        Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
        double width = ((Number) viewport.get("clientWidth")).doubleValue();
        double height = Math.max(((Number) content.get("height")).doubleValue(),
                ((Number) viewport.get("clientHeight")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Screenshots.write(name, Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
