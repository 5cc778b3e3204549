package dev.mixtape.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium through Debian's chromedriver, both named by path so that
 * Selenium Manager never tries to download a browser or a driver. A fresh user-data dir per browser,
 * removed on close. When the packages are missing this fails with the command that installs them: the
 * browser tests never skip silently.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("mixtape.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final Path profile;
    private final String base;

    Browser(int port) {
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(exe))) {
                throw new AssertionError(exe + " is missing: the browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
        }
        System.setProperty("SE_OFFLINE", "true");
        try {
            profile = Files.createTempDirectory("mixtape-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        base = "http://127.0.0.1:" + port;
    }

    /** Loads the UI afresh at {@code hash} (a blank page first, so that a hash-only change still reloads it). */
    void open(String hash) {
        driver.get("about:blank");
        driver.get(base + "/" + hash);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to 60 s: the machine is shared) until {@code condition} gives a non-null, non-false value. */
    <T> T await(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("the page never showed what was awaited (screenshot " + shot + "); it reads:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    WebElement visible(String css) {
        return await(d -> {
            WebElement e = d.findElement(By.cssSelector(css));
            return e.isDisplayed() ? e : null;
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The data of the Chart.js chart on canvas {@code id}: one list of values per dataset (null when there is no chart). */
    @SuppressWarnings("unchecked")
    List<List<Object>> chartData(String canvasId) {
        return (List<List<Object>>) js("const c = window.Chart && Chart.getChart(document.getElementById(arguments[0]));"
                + "return c ? c.data.datasets.map(d => d.data) : null;", canvasId);
    }

    /**
     * Controls (inputs, selects, textareas, buttons) with no accessible name: no label, aria-label,
     * aria-labelledby or (for buttons) text. Each is described by tag and id.
     */
    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) js("return [...document.querySelectorAll('input:not([type=hidden]),select,textarea,button')]"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')"
                + " && !(e.tagName === 'BUTTON' && e.textContent.trim()))"
                + ".map(e => e.tagName.toLowerCase() + '#' + e.id);");
    }

    /**
     * Visible text whose contrast with what is behind it is under WCAG 2 AA: 4.5:1, or 3:1 for large text (24 px, or
     * 18.66 px bold). The background is the first opaque one among the element and its ancestors, with translucent
     * ones blended over it; disabled controls are exempt, as in WCAG. Each is described by element, text and ratio.
     */
    @SuppressWarnings("unchecked")
    List<String> lowContrastText() {
        return (List<String>) js("""
                const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                const lum = c => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
                const parse = s => {
                  const m = /rgba?\\(([^)]+)\\)/.exec(s);
                  if (!m) return null;
                  const p = m[1].split(/[ ,\\/]+/).filter(x => x).map(Number);
                  return {rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1};
                };
                const behind = el => {
                  const layers = [];
                  for (let e = el; e; e = e.parentElement) {
                    const c = parse(getComputedStyle(e).backgroundColor);
                    if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
                  }
                  let base = [255, 255, 255];
                  for (let i = layers.length - 1; i >= 0; i--) {
                    const l = layers[i];
                    base = base.map((v, k) => l.rgb[k] * l.a + v * (1 - l.a));
                  }
                  return base;
                };
                const out = [];
                for (const el of document.querySelectorAll('body *')) {
                  if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
                  const r = el.getBoundingClientRect();
                  const st = getComputedStyle(el);
                  if (r.width === 0 || r.height === 0 || st.visibility === 'hidden' || el.closest(':disabled')) continue;
                  const fg = parse(st.color);
                  if (!fg) continue;
                  const bg = behind(el);
                  const f = fg.rgb.map((v, k) => v * fg.a + bg[k] * (1 - fg.a));
                  const a = lum(f), b = lum(bg);
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight) >= 700;
                  const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                  if (ratio < need) {
                    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + el.textContent.trim().slice(0, 40)
                        + '" ' + ratio.toFixed(2) + ':1 < ' + need + ':1');
                  }
                }
                return out;
                """);
    }

    /** Whether the page scrolls sideways at the current width (it should not, down to phone width). */
    boolean overflowsHorizontally() {
        return (Boolean) js("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A full-page screenshot under target/screenshots/. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long h = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
            Dimension was = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(was.getWidth(), (int) Math.min(6000, Math.max(was.getHeight(), h + 140))));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(was);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
