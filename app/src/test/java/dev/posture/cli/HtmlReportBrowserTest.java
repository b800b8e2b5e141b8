package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each sample's page in a real browser: Debian's Chromium, headless, driven through the system's
 * chromedriver (never one Selenium would download). The page must load without a console error or a
 * request, its search and filters must leave the rows they should, a detail must open, and a
 * screenshot of each goes to {@code target/html-report/} for people to look at. Skipped only where
 * {@code /usr/bin/chromedriver} is not installed; CI installs it.
 */
@EnabledIf("chromedriverInstalled")
class HtmlReportBrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target/html-report");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static ChromeDriver browser;
  @TempDir static Path dir;

  static boolean chromedriverInstalled() {
    return Files.isExecutable(CHROMEDRIVER);
  }

  @BeforeAll
  static void start() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"),
        "--window-size=1280,1800");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // Both paths given, so Selenium Manager is never asked to find (or fetch) a driver or a browser.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"contoso", "fabrikam", "litware", "northwind", "graph"})
  void thePageWorksInTheBrowser(String sample) throws Exception {
    List<String> args = sample.equals("graph")
        ? List.of("assess", "--graph", "../samples/contoso/secure-score", "--state", "../samples/contoso/posture-state.yaml")
        : List.of("assess", "../samples/" + sample);
    JsonNode report = JSON.readTree(Cli.run(with(args, "--format", "json")).succeeded().out());
    Path page = dir.resolve(sample + ".html");
    Cli.run(with(args, "--format", "html", "-o", page.toString())).succeeded();

    browser.manage().window().setSize(new Dimension(1280, 1800));
    browser.get(page.toUri().toString());
    assertNoConsoleProblems();
    int actions = report.get("actions").size();
    assertThat(visibleRows()).isEqualTo(actions);
    assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(actions + " actions");
    screenshot(sample + ".png");

    browser.findElement(By.id("search")).sendKeys("password");
    assertThat(visibleRows()).isEqualTo(count(report, a -> (text(a, "id") + " " + text(a, "title")).toLowerCase(Locale.ROOT).contains("password")))
        .isPositive();
    browser.findElement(By.id("search")).sendKeys(" passw");
    assertThat(visibleRows()).as("every word must match").isEqualTo(count(report,
        a -> (text(a, "id") + " " + text(a, "title")).toLowerCase(Locale.ROOT).contains("password")));
    browser.findElement(By.id("search")).clear();
    browser.executeScript("document.getElementById('search').dispatchEvent(new Event('input'))");
    assertThat(visibleRows()).isEqualTo(actions);

    new Select(browser.findElement(By.id("f-status"))).selectByVisibleText("Completed");
    assertThat(visibleRows()).isEqualTo(count(report, a -> text(a, "status").equals("Completed")));
    new Select(browser.findElement(By.id("f-status"))).selectByIndex(0);
    assertThat(visibleRows()).isEqualTo(actions);

    browser.findElement(By.cssSelector("th[data-sort=remaining] button")).click();
    browser.findElement(By.cssSelector("th[data-sort=remaining] button")).click();
    double most = StreamSupport.stream(report.get("actions").spliterator(), false).mapToDouble(a -> a.get("remaining").doubleValue()).max().orElseThrow();
    assertThat(Double.parseDouble(firstVisibleRow().findElement(By.cssSelector("td:nth-child(8)")).getText())).isEqualTo(most);

    WebElement first = firstVisibleRow();
    first.findElement(By.tagName("summary")).click();
    assertThat(first.findElement(By.tagName("details")).getDomProperty("open")).isEqualTo("true");
    assertThat(first.findElement(By.cssSelector("details h3")).isDisplayed()).isTrue();
    screenshot(sample + "-detail.png");

    assertThat(browser.executeScript("return performance.getEntriesByType('resource').length")).as("requests").isEqualTo(0L);
    assertNoConsoleProblems();
  }

  /** A request the policy blocked, a script refused or an error thrown all show in the console. */
  private static void assertNoConsoleProblems() {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        problems.add(entry.getMessage());
      }
    }
    assertThat(problems).as("console errors and warnings").isEmpty();
  }

  /** The rows the page lays out, counted in the page in one call rather than asked of the driver one by one. */
  private static long visibleRows() {
    return (Long) browser.executeScript("return Array.from(document.querySelectorAll('#action-table tbody.action'))"
        + ".filter(b => b.getClientRects().length > 0).length");
  }

  private static WebElement firstVisibleRow() {
    return browser.findElement(By.cssSelector("#action-table tbody.action:not([hidden])"));
  }

  private static long count(JsonNode report, Predicate<JsonNode> test) {
    return StreamSupport.stream(report.get("actions").spliterator(), false).filter(test).count();
  }

  private static String text(JsonNode action, String field) {
    return action.get(field).stringValue();
  }

  private static String[] with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static void screenshot(String name) throws Exception {
    Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }
}
