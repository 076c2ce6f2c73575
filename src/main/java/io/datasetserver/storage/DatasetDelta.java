package io.datasetserver.storage;

import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.User;
import io.datasetserver.datasets.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The update that turns a stored dataset document into the next revision. A dataset near its
 * version cap is a document of megabytes, while an {@code add} appends one version entry and a
 * {@code PATCH} of a version changes one: sending only those keeps the cost of a write independent
 * of the version count. Top-level fields are set when they changed; version entries are appended
 * with {@code $push} or set one by one, but not both in one update (MongoDB refuses two operators
 * on one array).
 */
final class DatasetDelta {
  /** More changed version entries than this are sent as the whole list. */
  private static final int MAX_CHANGED_VERSIONS = 16;

  private DatasetDelta() {}

  /**
   * The update from {@code base}, as stored, to {@code updated}; null when the versions changed in
   * a way a delta cannot express (some removed, entries both changed and appended, or a creator
   * moved in the document's creators).
   */
  static Document between(Dataset base, Dataset updated) {
    List<Version> before = base.versions();
    List<Version> after = updated.versions();
    if (after.size() < before.size()) {
      return null;
    }
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!sameStored(before.get(i), after.get(i))) {
        changed.add(i);
      }
    }
    List<Version> appended = after.subList(before.size(), after.size());
    if (changed.size() > MAX_CHANGED_VERSIONS || !changed.isEmpty() && !appended.isEmpty()) {
      return null;
    }
    Map<User, Integer> creators = VersionEntries.creators(after);
    Map<User, Integer> baseCreators = VersionEntries.creators(before);
    if (!startsWith(creators, baseCreators)) {
      return null;
    }
    Document set = new Document();
    Document old = DatasetStore.withoutVersions(base, baseCreators);
    for (Map.Entry<String, Object> field :
        DatasetStore.withoutVersions(updated, creators).entrySet()) {
      String name = field.getKey();
      if (!name.equals(DatasetStore.ID) && !Objects.equals(field.getValue(), old.get(name))) {
        set.append(name, field.getValue());
      }
    }
    for (int i : changed) {
      set.append(DatasetStore.VERSIONS + "." + i, VersionEntries.toEntry(after.get(i), creators));
    }
    Document update = new Document("$set", set);
    if (!appended.isEmpty()) {
      List<Binary> entries =
          appended.stream().map(v -> VersionEntries.toEntry(v, creators)).toList();
      update.append("$push", new Document(DatasetStore.VERSIONS, new Document("$each", entries)));
    }
    return update;
  }

  /**
   * Every field of {@code updated} but its id: a full rewrite that keeps the fields only the store
   * writes (the generation), which a {@code replaceOne} would drop.
   */
  static Document everything(Dataset updated) {
    Document set = DatasetStore.toDocument(updated);
    set.remove(DatasetStore.ID);
    return new Document("$set", set);
  }

  /**
   * True when every creator of {@code base} keeps its position in {@code updated}, so the entries
   * stored already still name theirs.
   */
  private static boolean startsWith(Map<User, Integer> updated, Map<User, Integer> base) {
    return base.entrySet().stream().allMatch(e -> e.getValue().equals(updated.get(e.getKey())));
  }

  /**
   * Same stored entry. Versions differ as records when one has its long texts loaded, which the
   * stored form names by hash either way.
   */
  private static boolean sameStored(Version a, Version b) {
    return a == b
        || a.equals(b)
        || a.createdBy().equals(b.createdBy())
            && VersionEntries.toDocument(a).equals(VersionEntries.toDocument(b));
  }
}
