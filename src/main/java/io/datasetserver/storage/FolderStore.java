package io.datasetserver.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.DatasetRepository.Listing;
import io.datasetserver.datasets.DatasetSummary;
import io.datasetserver.datasets.FolderRepository;
import io.datasetserver.datasets.SortBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * The {@code datasets} collection read by folder, for the Files and Directories APIs. Every dataset
 * document carries its direct folder ({@value #FOLDER}) and every folder that holds it at any depth
 * ({@value #FOLDERS}, the root {@code ""} included), written by {@link DatasetStore} from the path
 * on each insert and replace, so a move moves them too. Listings and summaries come from the {@link
 * DatasetCatalog}; a real MongoDB serves {@link #directlyIn} from the index on {@code {org,
 * folder}}, and the embedded server scans the organization's documents for it.
 */
public final class FolderStore implements FolderRepository {
  static final String FOLDER = "folder";
  static final String FOLDERS = "folders";

  private final MongoCollection<Document> datasets;
  private final IndexGuard indexes;
  private final DatasetCatalog catalog;

  FolderStore(MongoCollection<Document> datasets, IndexGuard indexes, DatasetCatalog catalog) {
    this.datasets = datasets;
    this.indexes = indexes;
    this.catalog = catalog;
  }

  @Override
  public List<DatasetSummary> summaries(String organizationId) {
    indexes.ensure();
    return catalog.entries(organizationId).stream()
        .map(
            e ->
                new DatasetSummary(
                    e.id(),
                    e.path(),
                    Instant.ofEpochMilli(e.createdAt()),
                    Instant.ofEpochMilli(e.updatedAt())))
        .toList();
  }

  @Override
  public List<Dataset> directlyIn(String organizationId, String folder) {
    indexes.ensure();
    List<Dataset> result = new ArrayList<>();
    datasets
        .find(new Document(DatasetStore.ORGANIZATION, organizationId).append(FOLDER, folder))
        .batchSize(DatasetStore.DOCUMENTS_PER_BATCH)
        .forEach(d -> result.add(DatasetStore.toDataset(d)));
    return result;
  }

  @Override
  public Listing list(
      String organizationId,
      String folder,
      String name,
      String environmentId,
      SortBy sortBy,
      boolean ascending,
      long skip,
      int limit) {
    indexes.ensure();
    Predicate<DatasetCatalog.Entry> names = DatasetCatalog.nameContaining(name);
    return catalog.list(
        organizationId,
        folder,
        e -> names.test(e) && (environmentId == null || e.environments().contains(environmentId)),
        sortBy,
        ascending,
        skip,
        limit);
  }

  /**
   * Serves the folder queries on a real MongoDB (the embedded server scans), and fills in old
   * documents.
   */
  void createIndexes() {
    datasets.createIndex(Indexes.ascending(DatasetStore.ORGANIZATION, FOLDER));
    datasets.createIndex(Indexes.ascending(DatasetStore.ORGANIZATION, FOLDERS));
    addMissingFolders(datasets);
  }

  /**
   * Adds the folder fields to documents written before they existed. Only a document whose path is
   * still the one read is updated, so a concurrent move cannot be overwritten with stale folders.
   */
  static void addMissingFolders(MongoCollection<Document> datasets) {
    List<Document> missing = new ArrayList<>();
    datasets
        .find(Filters.exists(FOLDERS, false))
        .projection(Projections.include(DatasetStore.PATH))
        .forEach(missing::add);
    for (Document document : missing) {
      DatasetPath path = new DatasetPath(document.getString(DatasetStore.PATH));
      datasets.updateOne(
          new Document(DatasetStore.ID, document.get(DatasetStore.ID))
              .append(DatasetStore.PATH, path.value()),
          Updates.combine(
              Updates.set(FOLDER, path.folder()), Updates.set(FOLDERS, path.folders())));
    }
  }
}
