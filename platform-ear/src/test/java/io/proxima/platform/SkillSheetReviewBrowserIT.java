package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A freelancer finishes a skill-sheet review in a real headless Chromium: uploads a Word sheet,
 * reads it beside the draft, corrects an engagement's role and 担当工程, adds a skill the sheet does
 * not name, applies, finds it on the profile; then pages the upload history and deletes an upload
 * for good.
 */
class SkillSheetReviewBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static String user;
  private static String password;
  private static String token;

  @BeforeAll
  static void aFreelancerWithTenEarlierUploads() {
    platform = RunningPlatform.get();
    user = "sheet-" + SUFFIX;
    password = "pw-" + UUID.randomUUID();
    platform.keycloakAdmin.createUser(user, user + "@example.jp", "Hanako", password);
    token = platform.token("proxima-portal", user, password);
    // Ten older uploads: with the one the browser sends, the history needs a second page.
    for (int i = 1; i <= 10; i++) {
      HttpResponse<String> sheet =
          platform.upload(
              "/api/v1/me/skill-sheets?fileName=old-" + i + ".txt",
              token,
              "text/plain",
              ("氏名: 佐藤 花子\nスキル: Java " + i + "年\n").getBytes(StandardCharsets.UTF_8));
      assertThat(sheet.statusCode()).as(sheet.body()).isEqualTo(201);
    }
  }

  @AfterAll
  static void where() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  @Test
  void aFreelancerCorrectsTheDraftBesideTheOriginalAndAppliesIt() throws IOException {
    Path sheet = Files.createTempDirectory("proxima-sheet").resolve("職務経歴書_佐藤花子.docx");
    Files.write(sheet, wordSheet());
    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/skill-sheets");
      browser.signInOnLoginPage(user, password);
      browser.visible(By.id("skill-sheet-file")).sendKeys(sheet.toString());
      browser.click(By.id("skill-sheet-send"));

      // The original's text on one side, the draft on the other.
      WebElement original = browser.visible(By.id("original-text"));
      browser.waitUntil(Duration.ofSeconds(30), d -> original.getText().contains("株式会社テストEC"));
      browser.visible(By.id("skill-sheet-review"));
      assertThat(browser.driver.findElement(By.id("sheet-original-heading")).getText())
          .isEqualTo("読み取ったテキスト");
      assertThat(browser.driver.findElements(By.cssSelector("#review-workHistory li.review-item")))
          .as("the sheet's engagements are in the draft")
          .isNotEmpty();
      // Confident proposals come ticked: the vocabulary's skills and a dated engagement with
      // its company.
      assertThat(browser.driver.findElement(By.id("review-skills-0-take")).isSelected()).isTrue();
      assertThat(browser.driver.findElement(By.id("review-workHistory-0-take")).isSelected())
          .isTrue();
      browser.screenshot("freelancer-skill-sheet-review");

      WebElement role = browser.visible(By.id("review-workHistory-0-role"));
      role.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      role.sendKeys("テックリード");
      for (String phase : new String[] {"REQUIREMENTS", "BASIC_DESIGN"}) {
        WebElement box = browser.driver.findElement(By.id("review-workHistory-0-phase-" + phase));
        if (!box.isSelected()) {
          browser.click(By.id("review-workHistory-0-phase-" + phase));
        }
      }
      browser.click(By.id("add-skill"));
      browser.visible(By.id("review-added-0-name")).sendKeys("Apache Pekko");
      browser.driver.findElement(By.id("review-added-0-years")).sendKeys("2");
      browser.screenshot("freelancer-skill-sheet-review-edited");
      browser.click(By.id("apply-skill-sheet"));

      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> d.findElement(By.id("review-notice")).getText().contains("プロフィールに反映しました"));
      browser.waitUntil(
          Duration.ofSeconds(30),
          d ->
              "APPLIED"
                  .equals(d.findElement(By.id("skill-sheet-status")).getAttribute("data-status")));
      assertThat(browser.alerts()).isEmpty();

      browser.click(By.id("review-to-profile"));
      browser.waitUntil(
          Duration.ofSeconds(30),
          d ->
              d.findElements(By.cssSelector("#profile-skills input")).stream()
                  .anyMatch(input -> "Apache Pekko".equals(input.getAttribute("value"))));
      assertThat(
              browser.driver.findElements(By.cssSelector("#profile-workHistory input")).stream()
                  .map(input -> input.getAttribute("value")))
          .contains("テックリード");
      browser.script("document.getElementById('profile-workHistory').scrollIntoView();");
      browser.screenshot("freelancer-skill-sheet-applied-profile");
    }

    // The corrected engagement went through the review as an edit: role and 担当工程 as typed.
    String profile = platform.send("GET", "/api/v1/me/profile", token, null).body();
    assertThat(profile)
        .contains("\"role\":\"テックリード\"", "\"REQUIREMENTS\"", "\"BASIC_DESIGN\"", "Apache Pekko");
  }

  @Test
  void theHistoryIsPagedAndAnUploadIsDeletedForGood() {
    HttpResponse<String> extra =
        platform.upload(
            "/api/v1/me/skill-sheets?fileName=to-delete.txt",
            token,
            "text/plain",
            "氏名: 佐藤 花子\nスキル: Go 1年\n".getBytes(StandardCharsets.UTF_8));
    assertThat(extra.statusCode()).as(extra.body()).isEqualTo(201);
    String doomed = field(extra.body(), "id");
    long total =
        RunningPlatform.number(
            platform.send("GET", "/api/v1/me/skill-sheet-history?size=1", token, null).body(),
            "total");
    assertThat(total).isGreaterThanOrEqualTo(11);

    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/skill-sheets");
      browser.signInOnLoginPage(user, password);
      WebElement page = browser.visible(By.id("history-page"));
      browser.waitUntil(Duration.ofSeconds(30), d -> page.getText().startsWith("1 / 2 ページ"));
      assertThat(page.getText()).contains("全 " + total + " 件");
      assertThat(browser.driver.findElements(By.cssSelector("#skill-sheets tbody tr"))).hasSize(10);
      browser.click(By.id("history-next"));
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> d.findElement(By.id("history-page")).getText().startsWith("2 / 2 ページ"));
      assertThat(browser.driver.findElements(By.cssSelector("#skill-sheets tbody tr")))
          .hasSize((int) total - 10);
      browser.screenshot("freelancer-skill-sheet-history-page-2");
      browser.click(By.id("history-previous"));
      browser.visible(By.cssSelector("[data-testid='skill-sheet-" + doomed + "']"));

      // Asked first; "cancel" keeps it.
      browser.script("window.confirm = () => false;");
      browser.click(By.id("delete-" + doomed));
      assertThat(
              platform.send("GET", "/api/v1/me/skill-sheets/" + doomed, token, null).statusCode())
          .isEqualTo(200);
      browser.script(
          "window.confirmed = null; window.confirm = (m) => { window.confirmed = m; return true; };");
      browser.click(By.id("delete-" + doomed));
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> d.findElement(By.id("skill-sheets-notice")).getText().contains("を削除しました"));
      assertThat((String) browser.script("return window.confirmed;"))
          .contains("to-delete.txt", "完全に削除");
      browser.waitUntil(
          Duration.ofSeconds(30),
          d ->
              d.findElements(By.cssSelector("[data-testid='skill-sheet-" + doomed + "']"))
                  .isEmpty());
      browser.screenshot("freelancer-skill-sheet-history");
    }

    // Gone for real: the upload, its draft and its file.
    assertThat(platform.send("GET", "/api/v1/me/skill-sheets/" + doomed, token, null).statusCode())
        .isEqualTo(404);
    assertThat(
            platform
                .send("GET", "/api/v1/me/skill-sheets/" + doomed + "/text", token, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            RunningPlatform.number(
                platform.send("GET", "/api/v1/me/skill-sheet-history?size=1", token, null).body(),
                "total"))
        .isEqualTo(total - 1);
  }

  @Test
  void aPdfSheetIsShownInlineBesideItsDraft() throws IOException {
    HttpResponse<String> uploaded =
        platform.upload(
            "/api/v1/me/skill-sheets?fileName=resume.pdf", token, "application/pdf", pdfSheet());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String id = field(uploaded.body(), "id");
    HttpResponse<String> file =
        platform.send("GET", "/api/v1/me/skill-sheets/" + id + "/original", token, null);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(file.body()).startsWith("%PDF");

    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/skill-sheets/" + id);
      browser.signInOnLoginPage(user, password);
      WebElement frame = browser.visible(By.id("original-pdf"));
      assertThat(frame.getAttribute("src")).startsWith("blob:");
      assertThat(browser.driver.findElement(By.id("sheet-original-heading")).getText())
          .isEqualTo("アップロードした原本");
      browser.visible(By.id("skill-sheet-review"));
      Thread.sleep(1500); // the PDF viewer paints after the frame is there
      browser.screenshot("freelancer-skill-sheet-review-pdf");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An English résumé as a one-page PDF (the standard fonts carry no Japanese). */
  private static byte[] pdfSheet() throws IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
      pdf.addPage(page);
      try (org.apache.pdfbox.pdmodel.PDPageContentStream text =
          new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
        text.beginText();
        text.setFont(
            new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
            12);
        text.setLeading(18);
        text.newLineAtOffset(60, 720);
        for (String line :
            new String[] {
              "Resume",
              "Name: Hanako Sato",
              "Title: Backend engineer",
              "Skills",
              "Java 8 years",
              "PostgreSQL 5 years",
              "Work history",
              "2023-08 - present  Test EC Inc.  Payment API  SE  6 people  Java, PostgreSQL"
            }) {
          text.showText(line);
          text.newLine();
        }
        text.endText();
      }
      pdf.save(out);
      return out.toByteArray();
    }
  }

  /** A 職務経歴書 as Word writes one: heading lines, then tables for skills and engagements. */
  private static byte[] wordSheet() {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line :
          new String[] {"スキルシート", "氏名: 佐藤 花子", "職種: バックエンドエンジニア", "自己PR: 決済システムの開発を8年経験。", "スキル"}) {
        doc.createParagraph().createRun().setText(line);
      }
      table(doc, new String[][] {{"Java", "8年", "◎"}, {"PostgreSQL", "5年", "○"}});
      doc.createParagraph().createRun().setText("職務経歴");
      table(
          doc,
          new String[][] {
            {
              "2023年8月～現在",
              "株式会社テストEC",
              "決済APIの開発",
              "SE",
              "チーム規模: 6名",
              "Java, Spring Boot, PostgreSQL"
            },
            {"2020年4月 - 2023年7月", "大手金融機関", "勘定系の保守", "PG", "10名", "Java, Oracle"}
          });
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(XWPFDocument doc, String[][] rows) {
    XWPFTable table = doc.createTable(rows.length, rows[0].length);
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < rows[r].length; c++) {
        table.getRow(r).getCell(c).getParagraphs().get(0).createRun().setText(rows[r][c]);
      }
    }
  }
}
