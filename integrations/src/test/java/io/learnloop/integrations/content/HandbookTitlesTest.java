package io.learnloop.integrations.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.Citation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HandbookTitlesTest {

  private final HandbookTitles titles = new HandbookTitles(Path.of("../content/handbook"));

  @Test
  void should_name_a_section_by_the_pages_title_and_heading() {
    Citation cited = titles.cite("handbook/annual-leave.md#carrying-days-over");

    assertThat(cited.title()).isEqualTo("Annual leave");
    assertThat(cited.section()).isEqualTo("Carrying days over");
    assertThat(cited.url()).isEqualTo("/docs/annual-leave.md#carrying-days-over");
  }

  @Test
  void should_fall_back_to_the_file_for_a_page_it_cannot_read() {
    Citation cited = titles.cite("handbook/../../etc/passwd#x");

    assertThat(cited.title()).isEqualTo("../../etc/passwd");
    assertThat(cited.section()).isEqualTo("x");
  }

  @Test
  void should_read_a_documents_groups_from_its_front_matter() {
    assertThat(titles.groupsOf("performance-reviews-for-managers.md"))
        .containsExactly("people-managers");
    assertThat(titles.groupsOf("annual-leave.md")).isEmpty();
    assertThat(titles.groupsOf("../roles.yaml")).isEmpty();
  }
}
