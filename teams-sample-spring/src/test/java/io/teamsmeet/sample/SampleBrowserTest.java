package io.teamsmeet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.testkit.FakeMicrosoft;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample's whole flow in a real browser: headless Chromium (Debian's chromium and
 * chromium-driver packages) driven by Selenium signs in with the form, connects the Microsoft
 * account through the fake's consent page, creates a meeting, checks the join link and disconnects.
 * Screenshots go to target/screenshots. Skipped, saying so, where Chromium or its driver is not
 * installed (set CHROME_BIN and CHROMEDRIVER for other places than /usr/bin).
 */
class SampleBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private ConfigurableApplicationContext app;
  private WebDriver browser;
  private WebDriverWait wait;
  private String base;

  @BeforeEach
  void start(@TempDir Path profile) throws IOException {
    File chromium = new File(env("CHROME_BIN", "/usr/bin/chromium"));
    File driver = new File(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
    if (!chromium.canExecute() || !driver.canExecute()) {
      String message =
          "BROWSER TEST NOT RUN: Chromium ("
              + chromium
              + ") or chromedriver ("
              + driver
              + ") is not installed; on Debian: apt-get install chromium chromium-driver";
      System.err.println("[WARNING] " + message); // on the console: see the pom
      Assumptions.abort(message);
    }
    int port = freePort();
    app =
        new SpringApplicationBuilder(SampleApplication.class)
            .run(
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // Selenium logs through java.util.logging, which Spring Boot routes to its logging
                "--logging.level.org.openqa.selenium=ERROR");
    base = "http://localhost:" + port;

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1024,768",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void signInConnectCreateAMeetingAndDisconnect() throws IOException {
    browser.get(base + "/");

    // the application's form login
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("ana");
    browser.findElement(By.name("password")).sendKeys("password");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    assertThat(text("status")).contains("No Microsoft account connected");

    // "Connect Microsoft account", then the fake's consent page
    browser.findElement(By.id("connect")).click();
    WebElement accept = wait.until(ExpectedConditions.elementToBeClickable(By.id("accept")));
    assertThat(browser.findElement(By.id("client-id")).getText())
        .isEqualTo("00000000-0000-0000-0000-00000000fa4e");
    screenshot("1-consent.png");
    accept.click();

    // back in the application, connected
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Connected"));
    assertThat(text("status")).contains("ana@contoso.com");

    // "Create a Teams meeting" shows the join link
    WebElement subject = browser.findElement(By.id("subject"));
    subject.clear();
    subject.sendKeys("Browser-tested review");
    browser.findElement(By.id("create")).click();
    WebElement join = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("join-url")));
    String joinUrl = join.getAttribute("href");
    assertThat(joinUrl).startsWith("https://teams.microsoft.com/");
    assertThat(text("meeting-subject")).isEqualTo("Browser-tested review");
    FakeMicrosoft fake = app.getBean(FakeMicrosoft.class);
    assertThat(fake.meetings("ana@contoso.com"))
        .singleElement()
        .satisfies(m -> assertThat(m.joinUrl().toString()).isEqualTo(joinUrl));
    screenshot("2-meeting-created.png");

    // disconnect
    browser.findElement(By.id("home")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("disconnect"))).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("status"), "No Microsoft account connected"));
    screenshot("3-disconnected.png");
  }

  private String text(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name), png);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
