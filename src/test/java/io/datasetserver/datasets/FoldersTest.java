package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldersTest {
  private static final String ORG = "org_test";
  private static final Instant T1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant T3 = Instant.parse("2026-03-03T00:00:00Z");
  private static final Instant T4 = Instant.parse("2026-03-04T00:00:00Z");

  private static DatasetSummary dataset(String path, Instant created, Instant updated) {
    return new DatasetSummary("ds_" + path.hashCode(), new DatasetPath(path), created, updated);
  }

  @Test
  void withoutDatasetsOnlyTheRootExistsWithTheDecidedTimestamps() {
    Folders folders = Folders.of(ORG, List.of());
    assertThat(folders.all()).containsExactly(folders.root());
    Folder root = folders.root();
    assertThat(root.path()).isEmpty();
    assertThat(root.name()).isEmpty();
    assertThat(root.parentId()).isNull();
    assertThat(root.id()).isEqualTo(Ids.directoryId(ORG, ""));
    assertThat(root.createdAt())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"))
        .isEqualTo(root.updatedAt());
  }

  @Test
  void everyAncestorOfADatasetIsAFolderSortedByPath() {
    Folders folders =
        Folders.of(
            ORG, List.of(dataset("b/c/d/x", T1, T1), dataset("a/y", T1, T1), dataset("z", T1, T1)));
    assertThat(folders.all())
        .extracting(Folder::path)
        .containsExactly("", "a", "b", "b/c", "b/c/d");
    Folder c = folders.byId(Ids.directoryId(ORG, "b/c")).orElseThrow();
    assertThat(c.name()).isEqualTo("c");
    assertThat(c.parentId()).isEqualTo(Ids.directoryId(ORG, "b"));
    assertThat(folders.parents(c)).extracting(Folder::path).containsExactly("", "b");
    assertThat(folders.parents(folders.root())).isEmpty();
  }

  @Test
  void timestampsAreTheEarliestCreationAndLatestChangeBelow() {
    Folders folders =
        Folders.of(
            ORG, List.of(dataset("a/x", T2, T3), dataset("a/b/y", T1, T2), dataset("c/z", T3, T4)));
    Folder a = folders.byId(Ids.directoryId(ORG, "a")).orElseThrow();
    assertThat(a.createdAt()).isEqualTo(T1);
    assertThat(a.updatedAt()).isEqualTo(T3);
    Folder b = folders.byId(Ids.directoryId(ORG, "a/b")).orElseThrow();
    assertThat(b.createdAt()).isEqualTo(T1);
    assertThat(b.updatedAt()).isEqualTo(T2);
    assertThat(folders.root().createdAt()).isEqualTo(T1);
    assertThat(folders.root().updatedAt()).isEqualTo(T4);
  }

  @Test
  void childrenAreTheDirectSubfoldersSortedByName() {
    Folders folders =
        Folders.of(
            ORG,
            List.of(
                dataset("p/zed/x", T1, T1),
                dataset("p/alpha/deep/x", T1, T1),
                dataset("p/file", T1, T1)));
    Folder p = folders.byId(Ids.directoryId(ORG, "p")).orElseThrow();
    assertThat(folders.children(p)).extracting(Folder::path).containsExactly("p/alpha", "p/zed");
    assertThat(folders.children(folders.root())).extracting(Folder::path).containsExactly("p");
  }

  @Test
  void aFolderWithNothingInItDoesNotExist() {
    Folders folders = Folders.of(ORG, List.of(dataset("kept/x", T1, T1)));
    assertThat(folders.byId(Ids.directoryId(ORG, "gone"))).isEmpty();
    assertThat(folders.byId(Ids.directoryId("org_other", "kept"))).isEmpty();
  }
}
