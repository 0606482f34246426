package io.learnloop.app.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.app.TestDataDir;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.dialog.roster.RosterImported;
import io.learnloop.dialog.roster.RosterProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The roster as the bot imports it when it starts: good rows in, bad rows named by line. */
@SpringBootTest
@DirtiesContext
class RosterImportAtStartTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    TestDataDir.nothingConfigured(registry);
    Path file = Files.createTempDirectory("learnloop-roster").resolve("hr-export.csv");
    Files.writeString(
        file,
        "name,email,role,team,manager,timezone\n"
            + "Rina Wijaya,rina@lumbung.example,people-manager,Sales Jakarta,,Asia/Jakarta\n"
            + "Siti Nurhaliza,siti@lumbung.example,,Sales Jakarta,rina@lumbung.example,\n"
            + "Siti again,SITI@lumbung.example,sales-executive,Sales Jakarta,,\n"
            + "Budi Santoso,budi@lumbung.example,sales-executive,,nobody@lumbung.example,\n",
        StandardCharsets.UTF_8);
    registry.add("learnloop.roster.file", file::toString);
    registry.add("learnloop.learners.default-timezone", () -> "Asia/Makassar");
  }

  @Autowired Roster roster;
  @Autowired Learners learners;
  @Autowired RosterImports imports;

  @Test
  void should_import_the_good_rows_at_start_and_name_the_bad_ones_by_line() {
    assertThat(roster.all())
        .extracting(RosterEntry::name)
        .containsExactlyInAnyOrder("Rina Wijaya", "Siti Nurhaliza", "Budi Santoso");
    Learner siti = learners.findByIdentity(Enrollment.EMAIL, "siti@lumbung.example").orElseThrow();
    Learner rina = learners.findByIdentity(Enrollment.EMAIL, "rina@lumbung.example").orElseThrow();
    assertThat(siti.role()).as("the default role").isEqualTo(new RoleId("new-joiner-general"));
    assertThat(siti.manager()).contains(rina.id());
    assertThat(siti.timezone()).isEqualTo(ZoneId.of("Asia/Makassar"));
    assertThat(roster.reportsOf(rina.id()))
        .extracting(RosterEntry::name)
        .containsExactly("Siti Nurhaliza");

    RosterImported again = imports.importIfPresent().orElseThrow();

    assertThat(again.problems())
        .extracting(RosterProblem::toString)
        .containsExactly(
            "hr-export.csv:4: 'siti@lumbung.example' is already on line 3",
            "hr-export.csv:5: manager 'nobody@lumbung.example' is not on the roster; imported"
                + " without a manager");
    assertThat(roster.all()).hasSize(3);
  }
}
