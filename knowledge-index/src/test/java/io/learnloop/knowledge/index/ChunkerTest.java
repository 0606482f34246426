package io.learnloop.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.knowledge.ingest.Section;
import io.learnloop.knowledge.ingest.SourceDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private static final String LONG_SECTION =
      "Claims need a receipt. ".repeat(30) + "Meals abroad follow the per diem table. ".repeat(20);

  private final SourceDocument document =
      new SourceDocument(
          "finance/expenses.md",
          "Expenses",
          "en",
          List.of(),
          List.of(),
          "reimbursement",
          "",
          List.of(
              new Section(List.of("Claims"), "claims", "Submit within 30 days."),
              new Section(List.of("Claims", "Meals"), "meals", LONG_SECTION)));

  @Test
  void should_start_with_an_overview_of_keywords_and_headings() {
    Chunk overview =
        Chunker.standard().chunk(document, "https://wiki.example/finance/expenses.md").get(0);

    assertThat(overview.overview()).isTrue();
    assertThat(overview.text()).contains("reimbursement").contains("Claims > Meals");
  }

  @Test
  void should_keep_short_sections_whole_and_split_long_ones_with_overlap() {
    List<Chunk> chunks = Chunker.standard().chunk(document, "");

    assertThat(chunks.get(1).text()).isEqualTo("Submit within 30 days.");
    List<Chunk> meals = chunks.stream().filter(c -> c.section().equals("Claims > Meals")).toList();
    assertThat(meals)
        .hasSizeGreaterThan(2)
        .allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(500));
    String end = meals.get(0).text().substring(meals.get(0).text().length() - 40);
    assertThat(meals.get(1).text()).as("overlap").contains(end.substring(end.indexOf(' ') + 1));
  }

  @Test
  void should_give_stable_ids_and_section_links() {
    List<Chunk> first =
        Chunker.standard().chunk(document, "https://wiki.example/finance/expenses.md");
    List<Chunk> second =
        Chunker.standard().chunk(document, "https://wiki.example/finance/expenses.md");

    assertThat(first)
        .extracting(Chunk::id)
        .isEqualTo(second.stream().map(Chunk::id).toList())
        .doesNotHaveDuplicates();
    assertThat(first.get(1).id()).isEqualTo("finance/expenses.md#1");
    assertThat(first.get(1).url()).isEqualTo("https://wiki.example/finance/expenses.md#claims");
  }

  @Test
  void should_cut_a_long_table_between_rows_and_keep_its_lead_in_with_every_piece() {
    StringBuilder table = new StringBuilder("Per diem by city, per day:");
    for (int row = 1; row <= 2000; row++) {
      table.append("\nCity: Town ").append(row).append(" · Per diem: IDR ").append(row * 1000);
    }
    SourceDocument big =
        new SourceDocument(
            "rates.md",
            "Rates",
            "en",
            List.of(),
            List.of(),
            "",
            "",
            List.of(new Section(List.of("Per diem"), "per-diem", table.toString())));

    List<Chunk> chunks =
        Chunker.standard().chunk(big, "").stream().filter(c -> !c.overview()).toList();

    assertThat(chunks).hasSizeGreaterThan(100);
    assertThat(chunks)
        .allSatisfy(
            chunk -> {
              assertThat(chunk.section()).isEqualTo("Per diem");
              assertThat(chunk.text()).startsWith("Per diem by city, per day:");
              assertThat(chunk.text().lines().skip(1))
                  .allMatch(line -> line.matches("City: Town \\d+ · Per diem: IDR \\d+"));
            });
    assertThat(chunks.stream().flatMap(c -> c.text().lines()).distinct())
        .as("every row is in some chunk")
        .hasSize(2001);
  }
}
