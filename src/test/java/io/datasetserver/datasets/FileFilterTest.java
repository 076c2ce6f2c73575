package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileFilterTest {
  private static FileFilter filter(String path, List<String> types, Boolean template) {
    return FileFilter.of(path, null, types, null, template, SortBy.CREATED_AT, false);
  }

  @Test
  void trailingSlashesAreIgnoredAndAnEmptyPathMeansEveryFolder() {
    assertThat(filter("evals/support/", null, null).folder()).isEqualTo("evals/support");
    assertThat(filter("evals//", null, null).folder()).isEqualTo("evals");
    assertThat(filter("", null, null).folder()).isNull();
    assertThat(filter("/", null, null).folder()).isNull();
    assertThat(filter(null, null, null).folder()).isNull();
  }

  @Test
  void onlySelectionsWithoutDatasetsOrAskingForTemplatesMatchNothing() {
    assertThat(filter(null, null, null).matchesNothing()).isFalse();
    assertThat(filter(null, List.of(), false).matchesNothing()).isFalse();
    assertThat(filter(null, List.of("prompt", "dataset"), null).matchesNothing()).isFalse();
    assertThat(filter(null, List.of("prompt", "agent"), null).matchesNothing()).isTrue();
    assertThat(filter(null, null, true).matchesNothing()).isTrue();
  }
}
