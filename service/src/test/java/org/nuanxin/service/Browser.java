package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by chromedriver, both from the system (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code -Dnuanxin.chromium=} and {@code -Dnuanxin.chromedriver=} name others), at a
 * phone or a desktop viewport. Nothing is downloaded: the browser's background networking is off, and
 * axe-core comes from {@code target/axe} (npm), where {@code .ci/run} installs it.
 */
final class Browser implements AutoCloseable {

    /** A viewport: a phone (390×844, touch, device pixel ratio 2) or a desktop (1280×900). */
    enum Viewport {
        PHONE(390, 844),
        DESKTOP(1280, 900);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    static final Path SHOTS = Path.of("target", "browser");
    private static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

    final ChromeDriver driver;
    final Viewport viewport;
    private final String base;
    private final Path profile;
    private int shot;

    Browser(String base, Viewport viewport) {
        this.base = base;
        this.viewport = viewport;
        String chromium = System.getProperty("nuanxin.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("nuanxin.chromedriver", "/usr/bin/chromedriver");
        for (String exe : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(Path.of(exe))) {
                throw new IllegalStateException(exe + " is missing: install Debian's chromium and chromium-driver"
                        + " (apt-get install -y chromium chromium-driver), as .ci/run does");
            }
        }
        try {
            profile = Files.createTempDirectory("nuanxin-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--user-data-dir=" + profile);
        if (viewport == Viewport.PHONE) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of(
                                    "width",
                                    viewport.width,
                                    "height",
                                    viewport.height,
                                    "pixelRatio",
                                    2.0,
                                    "touch",
                                    true)));
        } else {
            options.addArguments("--window-size=" + viewport.width + "," + viewport.height);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (viewport == Viewport.DESKTOP) {
            driver.manage().window().setSize(new Dimension(viewport.width, viewport.height));
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean has(String css) {
        return !all(css).isEmpty();
    }

    String text(String css) {
        return find(css).getText().strip();
    }

    /** Clicks and waits for the page it leads to (every control here submits a form or follows a link). */
    void click(String css) {
        WebElement e = find(css);
        e.click();
        waitUntilGone(e);
    }

    /** Types {@code keys} into {@code e} and waits for the page they lead to. */
    void press(WebElement e, CharSequence keys) {
        e.sendKeys(keys);
        waitUntilGone(e);
    }

    /** Waits until {@code e}'s page has been replaced by the next one, and that one has loaded. */
    private void waitUntilGone(WebElement e) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                e.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or the browser reports the node gone mid-navigation: either way the old page is gone
                return true;
            }
        });
        waitForLoad();
    }

    void waitForLoad() {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            Object state = driver.executeScript("return document.readyState");
            if ("complete".equals(state)) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the page did not finish loading in 30 s: " + driver.getCurrentUrl());
    }

    /** A screenshot as {@code target/browser/NN-name-phone.png}; returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path to = SHOTS.resolve(String.format(
                    "%02d-%s-%s.png", ++shot, name, viewport.name().toLowerCase()));
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    to,
                    StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core in the page; fails listing every serious or critical violation. */
    void assertAccessible(String page) {
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException(AXE + " is missing: npm install --prefix target/axe axe-core@4"
                    + " (in service/), as .ci/run does");
        }
        String axe;
        try {
            axe = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations
                      .filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                          + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        assertThat((List<?>) found)
                .as("axe-core on " + page + " (" + viewport + ")")
                .isEmpty();
    }

    /** Bytes transferred for this page and everything it loaded, as the browser's Resource Timing counts them. */
    long transferredBytes() {
        Object n = driver.executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                return performance.getEntriesByType('resource')
                  .reduce((sum, r) => sum + r.transferSize, nav ? nav.transferSize : 0);
                """);
        return ((Number) n).longValue();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
