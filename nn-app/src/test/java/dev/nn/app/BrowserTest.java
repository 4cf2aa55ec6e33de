package dev.nn.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A new user's path, in a real browser: train, start {@code nn serve} (a child JVM, on a free port), open the page
 * in headless Chromium (Debian's, driven through Debian's chromedriver; nothing is downloaded), draw a 7 with the
 * mouse, and see 7 — with the input and every layer's activations drawn — then play one round against the network.
 * Skipped when Chromium is not installed ({@code ./mvnw verify} installs it), unless {@code NN_REQUIRE_BROWSER=1}
 * (set by {@code .ci/run}) makes that a failure. Leaves a screenshot in {@code target/serve.png}.
 */
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static Process server;
    static String url;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && "1".equals(System.getenv("NN_REQUIRE_BROWSER"))) {
            fail("Chromium and chromedriver are required (NN_REQUIRE_BROWSER=1); run bin/install-browser.sh");
        }
        assumeTrue(installed, "Chromium is not installed (bin/install-browser.sh installs it)");
        Path model = dir.resolve("model.json");
        Run train = Run.of("train", "--no-progress", "--epochs", "3", "--out", model.toString());
        assertEquals(0, train.exit(), train.err());
        server = ChildNn.start("serve", model.toString(), "--port", "0");
        url = awaitUrl(server);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.destroy();
        }
    }

    /** Reads the child's output until it says where it serves. */
    static String awaitUrl(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving .* on (http://\\S+)");
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher m = serving.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("nn serve ended without serving:\n" + seen);
    }

    @Test
    void drawASevenAndSeeSeven() throws IOException {
        browser.get(url);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        WebElement pad = browser.findElement(By.id("pad"));
        // a 7: a bar across the top, then a stroke down to the bottom left (offsets from the pad's centre)
        new Actions(browser).moveToElement(pad, -70, -90).clickAndHold()
                .moveByOffset(35, 0).moveByOffset(35, 0).moveByOffset(35, 0).moveByOffset(35, 0)
                .moveByOffset(-15, 40).moveByOffset(-15, 40).moveByOffset(-15, 40).moveByOffset(-15, 40)
                .moveByOffset(-10, 30).release().perform();
        wait.until(d -> {
            String digit = d.findElement(By.id("digit")).getText();
            return !digit.equals("?") && !(Boolean) ((ChromeDriver) d).executeScript("return pending || again");
        });
        assertEquals("7", browser.findElement(By.id("digit")).getText());
        assertEquals(16 + 16 + 10, browser.findElements(By.cssSelector("#network .cell")).size(),
                "a cell per hidden unit and per output");
        assertEquals(10, browser.findElements(By.cssSelector("#bars .bar")).size());
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "serve.png"), StandardCopyOption.REPLACE_EXISTING);

        List<WebElement> digits = browser.findElements(By.cssSelector("#guesses button"));
        assertTrue(digits.stream().noneMatch(WebElement::isEnabled), "no guessing before a round");
        browser.findElement(By.id("new-round")).click();
        wait.until(d -> d.findElement(By.id("game-result")).getText().startsWith("Test image"));
        assertTrue(digits.stream().allMatch(WebElement::isEnabled));
        browser.findElement(By.cssSelector("#guesses button[data-guess='3']")).click();
        wait.until(d -> d.findElement(By.id("score")).getText().endsWith("of 1 rounds"));
        assertTrue(browser.findElement(By.id("game-result")).getText().startsWith("It was "));

        assertTrue(digits.stream().noneMatch(WebElement::isEnabled), "one guess per round");

        browser.findElement(By.id("show-weights")).click();
        wait.until(d -> d.findElements(By.cssSelector("#weights canvas")).size() == 16);
    }

    @Test
    void aTestImageReplacesTheDrawingAndSaysItsLabel() {
        browser.get(url);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        browser.findElement(By.id("random")).click();
        wait.until(d -> d.findElement(By.id("source")).getText().startsWith("test image "));
        String source = browser.findElement(By.id("source")).getText();
        String label = source.substring(source.lastIndexOf(' ') + 1);
        assertTrue(browser.findElement(By.id("truth")).getText().contains("the label is " + label),
                browser.findElement(By.id("truth")).getText());
        Long lit = (Long) ((ChromeDriver) browser).executeScript(
                "const d = pad.getContext('2d').getImageData(0, 0, 280, 280).data; let n = 0;"
                        + " for (let i = 0; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
        assertTrue(lit > 1000, "the test image is on the pad (" + lit + " lit pixels)");
        browser.findElement(By.id("clear")).click();
        assertEquals("your drawing", browser.findElement(By.id("source")).getText());
    }

    @Test
    void theDigitButtonsKeepTwoRowsAndAPhoneSeesTheAnswerUnderTheDrawing() {
        WebDriver.Window window = browser.manage().window();
        Dimension before = window.getSize();
        try {
            window.setSize(new Dimension(1280, 900));
            browser.get(url);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            List<WebElement> digits = browser.findElements(By.cssSelector("#guesses button"));
            assertEquals(digits.get(0).getLocation().getY(), digits.get(4).getLocation().getY());
            assertEquals(digits.get(5).getLocation().getY(), digits.get(9).getLocation().getY(),
                    "0-4 and 5-9 in two rows, no button alone on a line");

            window.setSize(new Dimension(390, 844)); // a phone
            browser.get(url);
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            int padBottom = browser.findElement(By.id("pad")).getRect().getY()
                    + browser.findElement(By.id("pad")).getRect().getHeight();
            int answerTop = browser.findElement(By.id("digit")).getRect().getY();
            assertTrue(answerTop > padBottom && answerTop - padBottom < 300,
                    "the answer right under the drawing: pad ends at " + padBottom + ", answer at " + answerTop);
        } finally {
            window.setSize(before);
        }
    }

    /** Opens the page on its Train view, with no training left from another test. */
    private static WebDriverWait openTrainView() {
        browser.get(url);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-train-ready")));
        browser.findElement(By.id("tab-train")).click();
        script("return fetch('/api/train/reset', {method: 'POST', body: '{}'}).then(r => r.status)");
        wait.until(d -> "idle".equals(d.findElement(By.tagName("body")).getDomAttribute("data-train-status"))
                && "Start".equals(d.findElement(By.id("t-start")).getText())
                && d.findElement(By.id("t-start")).isEnabled());
        return wait;
    }

    private static Object script(String code) {
        return ((ChromeDriver) browser).executeScript(code);
    }

    private static void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static long steps() {
        String steps = browser.findElement(By.tagName("body")).getDomAttribute("data-train-steps");
        return steps == null ? 0 : Long.parseLong(steps);
    }

    @Test
    void trainMnistFromThePageAndWatchTheTestCurvePassNinetyPercent() throws IOException {
        WebDriverWait wait = openTrainView();
        type("t-epochs", "10");
        browser.findElement(By.id("t-start")).click();
        WebDriverWait training = new WebDriverWait(browser, Duration.ofSeconds(120));
        training.until(d -> ((Number) script("const c = train.last && train.last.curve;"
                + " return c && c.length ? c[c.length - 1][4] : 0")).doubleValue() >= 0.9);
        String updates = browser.findElement(By.id("c-updates")).getText();
        assertEquals(16, browser.findElements(By.cssSelector("#live-weights canvas")).size(), "a tile per neuron");
        WebElement pad = browser.findElement(By.id("train-pad"));
        new Actions(browser).moveToElement(pad, -50, -60).clickAndHold()
                .moveByOffset(50, 0).moveByOffset(50, 0).moveByOffset(-20, 40).moveByOffset(-20, 40)
                .moveByOffset(-15, 40).release().perform();
        wait.until(d -> !d.findElement(By.id("t-digit")).getText().equals("?"));
        assertEquals(16 + 16 + 10, browser.findElements(By.cssSelector("#t-network .cell")).size(),
                "the drawing's activations, every layer");
        training.until(d -> "finished".equals(d.findElement(By.tagName("body")).getDomAttribute("data-train-status")));
        System.out.println("train view, MNIST: " + updates + " updates/s while training, "
                + browser.findElement(By.id("c-epoch-speed")).getText() + " in the last epoch");
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "train-mnist.png"), StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("t-reset")).click();
        wait.until(d -> "Choose the settings and press Start.".equals(d.findElement(By.id("t-status")).getText()));
    }

    @Test
    void trainTheSpiralWatchItsRegionsChangeThenPauseStepAndReset() throws IOException {
        WebDriverWait wait = openTrainView();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("t-dataset"))).selectByValue("spiral");
        type("t-epochs", "5000");
        type("t-batch", "1");
        browser.findElement(By.id("t-start")).click();
        wait.until(d -> steps() > 0 && "spiral".equals(script("return train.last && train.last.settings.dataset"))
                && !d.findElement(By.id("plane-panel")).getDomAttribute("class").contains("hidden"));
        String sum = "const d = document.getElementById('plane').getContext('2d').getImageData(0, 0, 400, 400).data;"
                + " let s = 0; for (let i = 0; i < d.length; i += 4) { s = (s * 31 + d[i] + 7 * d[i + 1]) % 1000000007; }"
                + " return s;";
        Object early = script(sum);
        long earlySteps = steps();
        WebDriverWait training = new WebDriverWait(browser, Duration.ofSeconds(60));
        training.until(d -> steps() > earlySteps + 3000);
        assertTrue(!early.equals(script(sum)), "the decision map has changed as it learnt");
        assertEquals(16 + 16, browser.findElements(By.cssSelector("#unit-tiles canvas")).size(), "a tile per unit");

        assertEquals("running", browser.findElement(By.tagName("body")).getDomAttribute("data-train-status"),
                "7.5 million steps are far from done");
        browser.findElement(By.id("t-pause")).click();
        wait.withMessage(() -> "the page says " + browser.findElement(By.id("t-status")).getText()
                        + " / " + browser.findElement(By.id("error")).getText())
                .until(d -> "paused".equals(d.findElement(By.tagName("body")).getDomAttribute("data-train-status")));
        long paused = steps();
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "train-spiral.png"), StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("t-step")).click();
        wait.until(d -> steps() == paused + 1);
        script("return new Promise(r => setTimeout(r, 1000))");
        assertEquals(paused + 1, steps(), "one batch, then paused again");
        assertEquals("paused", browser.findElement(By.tagName("body")).getDomAttribute("data-train-status"));

        browser.findElement(By.id("t-reset")).click();
        wait.until(d -> "Choose the settings and press Start.".equals(d.findElement(By.id("t-status")).getText()));
        assertTrue(browser.findElement(By.id("t-start")).isEnabled());
    }
}
