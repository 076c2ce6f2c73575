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
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code datasets} collection read by folder, for the Files and Directories APIs. Every dataset
 * document carries its direct folder ({@value #FOLDER}) and every folder that holds it at any depth
 * ({@value #FOLDERS}, the root {@code ""} included), written by {@link DatasetStore} from the path
 * on each insert and replace, so a move moves them too. A real MongoDB serves the folder queries
 * from indexes on {@code {org, folder}} and {@code {org, folders}}; the embedded server scans the
 * organization's documents.
 */
public final class FolderStore implements FolderRepository {
  static final String FOLDER = "folder";
  static final String FOLDERS = "folders";

  private final MongoCollection<Document> datasets;
  private final IndexGuard indexes;

  FolderStore(MongoCollection<Document> datasets, IndexGuard indexes) {
    this.datasets = datasets;
    this.indexes = indexes;
  }

  @Override
  public List<DatasetSummary> summaries(String organizationId) {
    indexes.ensure();
    List<DatasetSummary> summaries = new ArrayList<>();
    datasets
        .find(new Document(DatasetStore.ORGANIZATION, organizationId))
        .projection(
            Projections.include(
                DatasetStore.PATH, DatasetStore.CREATED_AT, DatasetStore.UPDATED_AT))
        .forEach(
            d ->
                summaries.add(
                    new DatasetSummary(
                        d.getString(DatasetStore.ID),
                        new DatasetPath(d.getString(DatasetStore.PATH)),
                        d.getDate(DatasetStore.CREATED_AT).toInstant(),
                        d.getDate(DatasetStore.UPDATED_AT).toInstant())));
    return summaries;
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
    // One flat filter document: the embedded server cannot use an index under $and.
    Document filter = new Document(DatasetStore.ORGANIZATION, organizationId);
    if (folder != null) {
      filter.append(FOLDERS, folder);
    }
    if (name != null) {
      filter.append(DatasetStore.NAME, DatasetStore.containing(name));
    }
    if (environmentId != null) {
      filter.append(
          DatasetStore.DEPLOYMENTS + "." + DatasetStore.DEPLOYED_ENVIRONMENT, environmentId);
    }
    long total = datasets.countDocuments(filter);
    if (limit == 0 || skip >= total) {
      return new Listing(List.of(), total);
    }
    List<Dataset> page = new ArrayList<>();
    datasets
        .find(filter)
        .sort(DatasetStore.sort(sortBy, ascending))
        .skip((int) skip)
        .limit(limit)
        .batchSize(DatasetStore.DOCUMENTS_PER_BATCH)
        .forEach(d -> page.add(DatasetStore.toDataset(d)));
    return new Listing(page, total);
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
