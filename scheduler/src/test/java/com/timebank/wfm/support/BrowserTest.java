package com.timebank.wfm.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test in a real browser: the whole service on a random port (one Spring context shared by every browser test,
 * besides the MockMvc one of {@link IntegrationTest}) driven by Debian's chromium, headless, through its own
 * chromedriver, so Selenium downloads nothing. One browser per test class; each test signs in as the user it needs.
 * Screenshots go to {@code target/screenshots/} (look at them). Tagged {@code browser}: {@code scripts/test --fast}
 * leaves them out.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfig.class, Org.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;
    protected WebDriverWait wait;
    private ChromeDriverService service;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        if (!new File(CHROMEDRIVER).canExecute() || !new File(CHROMIUM).canExecute()) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver; scripts/test does it when run as root)");
        }
        profile = Files.createTempDirectory("wfm-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-extensions", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a path of the service and waits for the page to be loaded. */
    protected void open(String path) {
        browser.get(url(path));
        waitForPage();
    }

    /**
     * Switches the page language with the footer buttons. The switch is a POST and a redirect, so this waits for
     * the new page's language, not for the page still shown.
     */
    protected void switchLanguage(String lang) {
        byTestId(lang.startsWith("zh") ? "lang-zh" : "lang-en").click();
        wait.until(d -> lang.equals(browser.executeScript("return document.documentElement.lang")));
        waitForPage();
    }

    /**
     * Clicks a link or a button that submits a form the classic way and waits for the page it leads to: the old page's
     * readyState is "complete" too, so waiting for that alone may read the page before the new one arrives.
     */
    protected void submitAndWait(String testId) {
        clickAndWait(byTestId(testId));
    }

    /** Clicks a link or button that loads a new page and waits for that page (see {@link #submitAndWait}). */
    protected void clickAndWait(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.wfmOldPage = true");
        element.click();
        // a new page starts with a new window object, so the mark is gone once it has arrived
        wait.until(d -> {
            try {
                return !Boolean.TRUE.equals(js.executeScript("return window.wfmOldPage === true"));
            } catch (org.openqa.selenium.WebDriverException e) {
                return false;
            }
        });
        waitForPage();
    }

    protected void waitForPage() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Signs in through the login form (signing out first when someone is signed in). */
    protected void signIn(String username, String password) {
        submitLogin(username, password);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        waitForPage();
    }

    /** Fills and sends the login form in a fresh session, whatever the outcome. */
    protected void submitLogin(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        // a failed sign-in answers slowly (password hashing, throttling), so wait for the answer, not the old page
        submitAndWait("sign-in");
    }

    protected void signIn(String username) {
        signIn(username, Org.PASSWORD);
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    protected WebElement byTestId(String testId) {
        return find("[data-testid='" + testId + "']");
    }

    protected String text(String css) {
        return find(css).getText();
    }

    /** The HTTP status the error page reports (a page rendered by PageErrors or /error), or 200 for any other page. */
    protected int shownStatus() {
        return browser.findElements(By.cssSelector("[data-testid=error-page]")).stream().findFirst()
                .map(e -> Integer.parseInt(e.getAttribute("data-status"))).orElse(200);
    }

    /** What the Content-Security-Policy blocked on this page since it loaded (recorded by app.js). */
    @SuppressWarnings("unchecked")
    protected java.util.List<String> cspViolations() {
        Object v = browser.executeScript("return window.wfmCspViolations || ['app.js did not run']");
        return (java.util.List<String>) v;
    }

    /** Saves the whole page (not only the viewport) as target/screenshots/{name}.png at the window's width. */
    protected Path screenshot(String name) {
        Dimension before = browser.manage().window().getSize();
        try {
            long height = ((Number) browser.executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
            int chrome = before.getHeight() - ((Number) browser.executeScript("return window.innerHeight")).intValue();
            browser.manage().window().setSize(new Dimension(before.getWidth(),
                    (int) Math.min(Math.max(height + chrome, before.getHeight()), 6000)));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save screenshot " + name, e);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** Runs the rest at phone size (390 × 844) until {@link #asDesktop()}. */
    protected void asPhone() {
        browser.manage().window().setSize(PHONE);
    }

    protected void asDesktop() {
        browser.manage().window().setSize(DESKTOP);
    }
}
