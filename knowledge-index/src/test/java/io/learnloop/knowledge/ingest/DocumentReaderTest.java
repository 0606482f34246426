package io.learnloop.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

  @TempDir Path dir;

  @Test
  void should_read_markdown_front_matter_headings_and_plain_text() throws Exception {
    Path file =
        write(
            "leave.md",
            """
            ---
            title: Annual leave
            language: en
            skills: [leave-policy]
            groups: [people-managers]
            keywords: vacation, PTO
            ---
            # Annual leave

            Intro with a [link to the form](https://forms.example/leave) and {% include note.html %}.

            ## Carrying days over

            You may carry over **5 days**.

            ### Expiry (31 March)

            | Days | Expire |
            |---|---|
            | 5 | 31 March |
            """);

    SourceDocument document = DocumentReader.forFile(file).orElseThrow().read(file, "leave.md");

    assertThat(document.title()).isEqualTo("Annual leave");
    assertThat(document.language()).isEqualTo("en");
    assertThat(document.groups()).containsExactly("people-managers");
    assertThat(document.keywords()).contains("vacation").contains("PTO");
    assertThat(document.sections())
        .extracting(Section::headingPath)
        .containsExactly("", "Carrying days over", "Carrying days over > Expiry (31 March)");
    assertThat(document.sections().get(0).text())
        .isEqualTo("Intro with a link to the form and .")
        .doesNotContain("https://");
    assertThat(document.sections().get(2).anchor()).isEqualTo("expiry-31-march");
    assertThat(document.sections().get(2).text())
        .isEqualTo("Days: 5 · Expire: 31 March")
        .doesNotContain("|");
  }

  @Test
  void should_index_the_text_of_markdown_whose_front_matter_is_broken() throws Exception {
    Path file =
        write("broken.md", "---\ntitle: [unclosed\n---\n# Broken\n\nStill readable text.\n");

    SourceDocument document = DocumentReader.forFile(file).orElseThrow().read(file, "broken.md");

    assertThat(document.title()).isEqualTo("Broken");
    assertThat(document.sections())
        .extracting(Section::text)
        .containsExactly("Still readable text.");
  }

  @Test
  void should_read_html_sections_without_scripts_or_navigation() throws Exception {
    Path file =
        write(
            "expenses.html",
            "<html lang=\"en\"><head><title>Expenses</title><script>var x = 'secret';</script></head><body>"
                + "<nav>Home | About</nav><h1>Expenses</h1><p>Claim within 30 days.</p>"
                + "<h2>Meals</h2><ul><li>Up to IDR 150,000 per day.</li></ul></body></html>");

    SourceDocument document =
        DocumentReader.forFile(file).orElseThrow().read(file, "expenses.html");

    assertThat(document.title()).isEqualTo("Expenses");
    assertThat(document.sections()).extracting(Section::headingPath).containsExactly("", "Meals");
    assertThat(document.sections().get(1).text()).contains("IDR 150,000");
    assertThat(document.sections())
        .extracting(Section::text)
        .noneMatch(text -> text.contains("secret") || text.contains("Home |"));
  }

  @Test
  void should_read_pdf_text_page_by_page() throws Exception {
    Path file = dir.resolve("policy.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText("Travel must be approved in advance.");
        content.endText();
      }
      pdf.save(file.toFile());
    }

    SourceDocument document = DocumentReader.forFile(file).orElseThrow().read(file, "policy.pdf");

    assertThat(document.title()).isEqualTo("Policy");
    assertThat(document.sections())
        .singleElement()
        .satisfies(
            section -> {
              assertThat(section.headingPath()).isEqualTo("Page 1");
              assertThat(section.text()).contains("Travel must be approved in advance.");
            });
  }

  @Test
  void should_refuse_a_corrupt_pdf_naming_it() throws Exception {
    Path file = write("corrupt.pdf", "%PDF-1.7 this is not really a PDF");

    assertThatThrownBy(
            () -> DocumentReader.forFile(file).orElseThrow().read(file, "docs/corrupt.pdf"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageStartingWith("docs/corrupt.pdf: not a readable PDF");
  }

  @Test
  void should_refuse_binary_and_non_utf8_text_naming_them() throws Exception {
    Path binary = dir.resolve("image.md");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    Path latin1 = dir.resolve("notes.txt");
    Files.write(latin1, "café".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> DocumentReader.forFile(binary).orElseThrow().read(binary, "image.md"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("image.md: binary content (NUL bytes), not a text document");
    assertThatThrownBy(() -> DocumentReader.forFile(latin1).orElseThrow().read(latin1, "notes.txt"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("notes.txt: not UTF-8 text");
  }

  @Test
  void should_not_read_files_that_are_not_documents() {
    assertThat(DocumentReader.forFile(dir.resolve("logo.png"))).isEmpty();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void should_turn_markdown_table_rows_into_lines_that_name_their_headers() throws Exception {
    Path file =
        write(
            "travel.md",
            """
            ---
            title: Perjalanan dinas
            language: id
            ---
            ## Hotel

            Batas harga hotel per malam adalah sebagai berikut:

            | Kota | Batas per malam |
            |---|---|
            | Jakarta | IDR 1.200.000 |
            | Singapura | SGD 250 |
            | Kota lain di luar negeri |
            | Tokyo | JPY 20.000 | dropped, as GFM drops cells beyond the header |

            ## Paket

            | | Warung | Toko |
            |---|---|---|
            | Harga per outlet | IDR 99.000 | IDR 249.000 |

            | Not | a table |
            | because | no separator |
            """);

    SourceDocument document = DocumentReader.forFile(file).orElseThrow().read(file, "travel.md");

    assertThat(document.sections().get(0).text())
        .isEqualTo(
            """
            Batas harga hotel per malam adalah sebagai berikut:
            Kota: Jakarta · Batas per malam: IDR 1.200.000
            Kota: Singapura · Batas per malam: SGD 250
            Kota: Kota lain di luar negeri
            Kota: Tokyo · Batas per malam: JPY 20.000""");
    assertThat(document.sections().get(1).text())
        .startsWith("Harga per outlet · Warung: IDR 99.000 · Toko: IDR 249.000")
        .doesNotContain("|")
        .doesNotContain("title:");
  }

  @Test
  void should_repeat_html_cells_that_span_rows_or_columns_into_every_row_they_cover()
      throws Exception {
    Path file =
        write(
            "limits.html",
            """
            <html><body><h2>Approval limits</h2>
            <table>
              <thead><tr><th>Region</th><th>Amount</th><th>Approver</th></tr></thead>
              <tr><td rowspan="2">Indonesia</td><td>Up to IDR 2,000,000</td><td>Line manager</td></tr>
              <tr><td>Above IDR 2,000,000</td><td>Department head</td></tr>
              <tr><td>Singapore</td><td colspan="2">Always the CFO</td></tr>
              <tr><td rowspan="abc">Broken span</td></tr>
            </table></body></html>
            """);

    SourceDocument document = DocumentReader.forFile(file).orElseThrow().read(file, "limits.html");

    assertThat(document.sections().get(0).text().lines().toList())
        .containsExactly(
            "Region: Indonesia · Amount: Up to IDR 2,000,000 · Approver: Line manager",
            "Region: Indonesia · Amount: Above IDR 2,000,000 · Approver: Department head",
            "Region: Singapore · Amount: Always the CFO · Approver: Always the CFO",
            "Region: Broken span");
  }

  @Test
  void should_read_a_pdf_table_drawn_column_by_column_row_by_row() throws Exception {
    Path file = dir.resolve("rates.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        // The second column first, as table generators often draw it.
        showAt(content, 300, 700, "Per diem");
        showAt(content, 300, 680, "SGD 70");
        showAt(content, 72, 700, "City");
        showAt(content, 72, 680, "Singapore");
      }
      pdf.save(file.toFile());
    }

    SourceDocument document = DocumentReader.forFile(file).orElseThrow().read(file, "rates.pdf");

    assertThat(document.sections().get(0).text().lines().map(String::strip).toList())
        .containsExactly("City Per diem", "Singapore SGD 70");
  }

  private static void showAt(PDPageContentStream content, float x, float y, String text)
      throws java.io.IOException {
    content.beginText();
    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
  }
}
