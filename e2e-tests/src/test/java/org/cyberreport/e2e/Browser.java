package org.cyberreport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (no browser download), with a fresh
 * profile and no background networking, as the machine's closed network requires.
 */
final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    Browser() throws IOException {
        profile = Files.createTempDirectory("console-e2e-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1600", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver"))).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static String executable(String name) {
        for (String folder : new String[] {"/usr/bin", "/usr/lib/chromium", "/usr/local/bin"}) {
            File candidate = new File(folder, name);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new IllegalStateException(name + " is not installed; install Debian's chromium and chromium-driver");
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void type(String name, String value) {
        WebElement field = find(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    void type(By by, String value) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(value);
    }

    void choose(By by, String value) {
        new Select(find(by)).selectByValue(value);
    }

    /** Waits until an element shows a text: a notice left on the page by the action before does not count. */
    void waitForText(By by, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (TimeoutException missing) {
            throw new TimeoutException(missing.getMessage() + "\n" + dump("timeout"), missing);
        }
    }

    /** Waits until the browser is at a page: the page before it, still shown while the next loads, does not count. */
    void waitForUrl(String url) {
        try {
            wait.until(ExpectedConditions.urlToBe(url));
        } catch (TimeoutException elsewhere) {
            throw new TimeoutException(elsewhere.getMessage() + "\n" + dump("timeout"), elsewhere);
        }
    }

    /** Sets an input's value as the browser's own picker would (date and time inputs take no typing reliably). */
    void set(String name, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(By.name(name)), value);
    }

    void choose(String name, String value) {
        new Select(find(By.name(name))).selectByValue(value);
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Waits for an element; on a timeout the page as it stands is saved beside the screenshots, to see why. */
    void waitFor(By by) {
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(by));
        } catch (TimeoutException missing) {
            throw new TimeoutException(missing.getMessage() + "\n" + dump("timeout"), missing);
        }
    }

    /** Saves the page's source and a screenshot; names both in the answer. */
    String dump(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            String stem = name + "-" + System.currentTimeMillis();
            Files.writeString(SCREENSHOTS.resolve(stem + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            screenshot(stem);
            return "page saved as " + SCREENSHOTS.toAbsolutePath().resolve(stem) + ".html/.png";
        } catch (IOException | RuntimeException unsaved) {
            return "page not saved: " + unsaved;
        }
    }

    /** Keys sent to whatever has the focus, as a user at the keyboard would. */
    void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    String html() {
        return driver.getPageSource();
    }

    String attribute(String selector, String name) {
        return driver.findElement(By.cssSelector(selector)).getAttribute(name);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Signs in on Keycloak's own login page. */
    /**
     * Signs in on Keycloak's page and waits until the browser is back on the console: Keycloak's own page
     * has a heading too, so waiting for one would not say that the sign-in was done.
     */
    void signIn(String username) {
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys("demo");
        click(By.id("kc-login"));
        try {
            wait.until(browser -> !browser.getCurrentUrl().contains("/realms/"));
        } catch (TimeoutException stayed) {
            throw new TimeoutException(stayed.getMessage() + "\n" + dump("sign-in"), stayed);
        }
    }

    /**
     * A page the journey shows: saved as a screenshot, and checked by axe-core, which must find no serious
     * or critical violation of WCAG 2.2 A and AA.
     */
    void page(String name) throws IOException, InterruptedException {
        screenshot(name);
        assertThat(contentSecurityPolicy()).as("the Content-Security-Policy of " + name + " (" + driver.getCurrentUrl() + ")")
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        List<String> violations = Axe.seriousViolations(driver);
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility of " + name + " (" + driver.getCurrentUrl() + "):\n  "
                    + String.join("\n  ", violations) + "\n" + dump(name + "-inaccessible"));
        }
    }

    /**
     * The page in each of the console's languages, switched with its own language buttons: each saved
     * and checked as {@link #page} does, as {@code name-en}, {@code name-fr}, {@code name-ar} (right to
     * left); the page is left in English.
     */
    void pages(String name) throws IOException, InterruptedException {
        for (String language : List.of("en", "fr", "ar")) {
            language(language);
            String direction = driver.findElement(By.tagName("html")).getAttribute("dir");
            if (language.equals("ar")) {
                assertThat(direction).as(name + " in Arabic").isEqualTo("rtl");
            } else {
                assertThat(direction).as(name + " in " + language).isNotEqualTo("rtl");
            }
            page(name + "-" + language);
        }
        language("en");
    }

    /** Switches the language with the page's own buttons and waits for the page to come back in it. */
    void language(String language) {
        WebElement root = driver.findElement(By.tagName("html"));
        click(By.cssSelector("form.languages button[value='" + language + "']"));
        // The old page is gone once its root cannot be asked anything (Chromium says "stale" or "not in the document").
        wait.until(ignored -> {
            try {
                root.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        waitFor(By.cssSelector("html[lang='" + language + "']"));
    }

    /**
     * The Content-Security-Policy header of the page shown, fetched again with the browser's own cookies (a
     * driver cannot read response headers); the console's pages are plain GETs, so the fetch changes nothing.
     */
    private String contentSecurityPolicy() throws IOException, InterruptedException {
        // The cookies the page's own origin holds (HttpOnly ones included: the driver sees them, scripts do not).
        String cookies = driver.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(driver.getCurrentUrl()))
                .header("Accept-Language", "en");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        java.net.http.HttpResponse<Void> answer = HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        return answer.headers().firstValue("Content-Security-Policy").orElse("");
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
