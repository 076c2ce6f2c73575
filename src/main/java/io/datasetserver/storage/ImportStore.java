package io.datasetserver.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.Deployment;
import io.datasetserver.datasets.User;
import io.datasetserver.imports.ImportPlan.PlannedVersion;
import io.datasetserver.imports.ImportRepository;
import io.datasetserver.imports.StagedImport;
import io.datasetserver.imports.StagedImport.StagedVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The {@code imports} collection: one document per dataset being imported, keyed by the dataset id
 * it will have. Staged datapoints, segments and memberships live in their usual collections under
 * that id; nothing refers to them until the dataset document is inserted, so they stay invisible.
 * Small: one document per import in progress.
 */
public final class ImportStore implements ImportRepository {
  // Field names of the stored form: an import's, and each of its versions' and deployments'.
  private static final String ID = "_id";
  private static final String ORGANIZATION = "org";
  private static final String PATH = "path";
  private static final String TOUCHED_AT = "t";
  private static final String REVISION = "rev";
  private static final String COMMITTED = "committed";
  private static final String VERSIONS = "versions";
  private static final String DEPLOYMENTS = "deployments";
  private static final String NAME = "name";
  private static final String DESCRIPTION = "description";
  private static final String ATTRIBUTES = "attrs";
  private static final String COUNT = "count";
  private static final String CREATED_AT = "created_at";
  private static final String UPDATED_AT = "updated_at";
  private static final String CREATED_BY = "by";
  private static final String EMAIL = "email";
  private static final String STAGED = "staged";
  private static final String MEMBERSHIP = "members";
  private static final String HASH = "hash";
  private static final String VERSION_ID = "id";
  private static final String USER_ID = "id";
  private final MongoCollection<Document> imports;
  private final MongoCollection<Document> datasets;

  ImportStore(MongoCollection<Document> imports, MongoCollection<Document> datasets) {
    this.imports = imports;
    this.datasets = datasets;
  }

  @Override
  public boolean put(StagedImport staged) {
    try {
      imports.replaceOne(
          new Document(ID, staged.datasetId()).append(ORGANIZATION, staged.organizationId()),
          toDocument(staged),
          new ReplaceOptions().upsert(true));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<StagedImport> find(String organizationId, String datasetId) {
    Document document = imports.find(Filters.eq(ID, datasetId)).first();
    if (document == null || !organizationId.equals(document.getString(ORGANIZATION))) {
      return Optional.empty();
    }
    return Optional.of(toStaged(document));
  }

  @Override
  public boolean replace(StagedImport updated) {
    return imports
            .replaceOne(
                new Document(ID, updated.datasetId()).append(REVISION, updated.revision() - 1),
                toDocument(updated))
            .getMatchedCount()
        == 1;
  }

  @Override
  public boolean delete(StagedImport staged) {
    return imports
            .deleteOne(new Document(ID, staged.datasetId()).append(REVISION, staged.revision()))
            .getDeletedCount()
        == 1;
  }

  /** A scan: the collection is small. */
  @Override
  public List<StagedImport> untouchedSince(Instant cutoff) {
    List<StagedImport> result = new ArrayList<>();
    imports.find(Filters.lt(TOUCHED_AT, Date.from(cutoff))).forEach(d -> result.add(toStaged(d)));
    return result;
  }

  @Override
  public boolean datasetIdInUse(String datasetId) {
    return datasets
            .find(Filters.eq(DatasetStore.ID, datasetId))
            .projection(new Document(DatasetStore.ID, 1))
            .first()
        != null;
  }

  private static Document toDocument(StagedImport staged) {
    List<Document> versions = staged.versions().stream().map(ImportStore::toDocument).toList();
    List<Document> deployments =
        staged.deployments().stream().map(DatasetStore::toDocument).toList();
    return new Document(ID, staged.datasetId())
        .append(ORGANIZATION, staged.organizationId())
        .append(PATH, staged.path().value())
        .append(TOUCHED_AT, Date.from(staged.touchedAt()))
        .append(REVISION, staged.revision())
        .append(COMMITTED, staged.committed())
        .append(VERSIONS, versions)
        .append(DEPLOYMENTS, deployments);
  }

  private static Document toDocument(StagedVersion version) {
    PlannedVersion plan = version.plan();
    User by = plan.createdBy();
    return new Document(VERSION_ID, plan.id())
        .append(NAME, plan.name())
        .append(DESCRIPTION, plan.description())
        .append(ATTRIBUTES, plan.attributesJson())
        .append(COUNT, plan.datapointsCount())
        .append(CREATED_AT, Date.from(plan.createdAt()))
        .append(UPDATED_AT, Date.from(plan.updatedAt()))
        .append(
            CREATED_BY,
            new Document(USER_ID, by.id())
                .append(EMAIL, by.emailAddress())
                .append(NAME, by.fullName()))
        .append(STAGED, version.staged())
        .append(MEMBERSHIP, version.membershipId())
        .append(HASH, version.membersHash());
  }

  private static StagedImport toStaged(Document document) {
    List<StagedVersion> versions =
        document.getList(VERSIONS, Document.class).stream().map(ImportStore::toVersion).toList();
    List<Deployment> deployments =
        document.getList(DEPLOYMENTS, Document.class).stream()
            .map(DatasetStore::toDeployment)
            .toList();
    return new StagedImport(
        document.getString(ID),
        document.getString(ORGANIZATION),
        new DatasetPath(document.getString(PATH)),
        versions,
        deployments,
        document.getDate(TOUCHED_AT).toInstant(),
        document.get(REVISION, Number.class).longValue(),
        document.getBoolean(COMMITTED, false));
  }

  private static StagedVersion toVersion(Document document) {
    Document by = document.get(CREATED_BY, Document.class);
    PlannedVersion plan =
        new PlannedVersion(
            document.getString(VERSION_ID),
            document.getString(NAME),
            document.getString(DESCRIPTION),
            document.getString(ATTRIBUTES),
            document.get(COUNT, Number.class).longValue(),
            document.getDate(CREATED_AT).toInstant(),
            document.getDate(UPDATED_AT).toInstant(),
            new User(by.getString(USER_ID), by.getString(EMAIL), by.getString(NAME)));
    return new StagedVersion(
        plan,
        document.get(STAGED, Number.class).longValue(),
        document.getString(MEMBERSHIP),
        document.getString(HASH));
  }
}
