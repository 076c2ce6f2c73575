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
 * The {@code imports} collection: one document per dataset being imported, keyed by the
 * dataset id it will have. Staged datapoints, segments and memberships live in their usual
 * collections under that id; nothing refers to them until the dataset document is inserted,
 * so they stay invisible. Small: one document per import in progress.
 */
public final class ImportStore implements ImportRepository {
  private final MongoCollection<Document> imports;
  private final MongoCollection<Document> datasets;

  ImportStore(MongoCollection<Document> imports, MongoCollection<Document> datasets) {
    this.imports = imports;
    this.datasets = datasets;
  }

  @Override
  public boolean put(StagedImport staged) {
    try {
      imports.replaceOne(new Document("_id", staged.datasetId()).append("org", staged.organizationId()),
          toDocument(staged), new ReplaceOptions().upsert(true));
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
    Document document = imports.find(Filters.eq("_id", datasetId)).first();
    if (document == null || !organizationId.equals(document.getString("org"))) {
      return Optional.empty();
    }
    return Optional.of(toStaged(document));
  }

  @Override
  public boolean replace(StagedImport updated) {
    return imports.replaceOne(new Document("_id", updated.datasetId()).append("rev", updated.revision() - 1),
        toDocument(updated)).getMatchedCount() == 1;
  }

  @Override
  public boolean delete(StagedImport staged) {
    return imports.deleteOne(new Document("_id", staged.datasetId()).append("rev", staged.revision()))
        .getDeletedCount() == 1;
  }

  /** A scan: the collection is small. */
  @Override
  public List<StagedImport> untouchedSince(Instant cutoff) {
    List<StagedImport> result = new ArrayList<>();
    imports.find(Filters.lt("t", Date.from(cutoff))).forEach(d -> result.add(toStaged(d)));
    return result;
  }

  @Override
  public boolean datasetIdInUse(String datasetId) {
    return datasets.find(Filters.eq("_id", datasetId)).projection(new Document("_id", 1)).first() != null;
  }

  private static Document toDocument(StagedImport staged) {
    List<Document> versions = staged.versions().stream().map(ImportStore::toDocument).toList();
    List<Document> deployments = staged.deployments().stream()
        .map(d -> new Document("env", d.environmentId()).append("version", d.versionId())
            .append("at", Date.from(d.deployedAt())))
        .toList();
    return new Document("_id", staged.datasetId())
        .append("org", staged.organizationId())
        .append("path", staged.path().value())
        .append("t", Date.from(staged.touchedAt()))
        .append("rev", staged.revision())
        .append("committed", staged.committed())
        .append("versions", versions)
        .append("deployments", deployments);
  }

  private static Document toDocument(StagedVersion version) {
    PlannedVersion plan = version.plan();
    User by = plan.createdBy();
    return new Document("id", plan.id())
        .append("name", plan.name())
        .append("description", plan.description())
        .append("attrs", plan.attributesJson())
        .append("count", plan.datapointsCount())
        .append("created_at", Date.from(plan.createdAt()))
        .append("updated_at", Date.from(plan.updatedAt()))
        .append("by", new Document("id", by.id()).append("email", by.emailAddress()).append("name", by.fullName()))
        .append("staged", version.staged())
        .append("members", version.membershipId())
        .append("hash", version.membersHash());
  }

  private static StagedImport toStaged(Document document) {
    List<StagedVersion> versions = document.getList("versions", Document.class).stream()
        .map(ImportStore::toVersion).toList();
    List<Deployment> deployments = document.getList("deployments", Document.class).stream()
        .map(d -> new Deployment(d.getString("env"), d.getString("version"), d.getDate("at").toInstant()))
        .toList();
    return new StagedImport(document.getString("_id"), document.getString("org"),
        new DatasetPath(document.getString("path")), versions, deployments, document.getDate("t").toInstant(),
        document.get("rev", Number.class).longValue(), document.getBoolean("committed", false));
  }

  private static StagedVersion toVersion(Document document) {
    Document by = document.get("by", Document.class);
    PlannedVersion plan = new PlannedVersion(document.getString("id"), document.getString("name"),
        document.getString("description"), document.getString("attrs"), document.get("count", Number.class).longValue(),
        document.getDate("created_at").toInstant(), document.getDate("updated_at").toInstant(),
        new User(by.getString("id"), by.getString("email"), by.getString("name")));
    return new StagedVersion(plan, document.get("staged", Number.class).longValue(), document.getString("members"),
        document.getString("hash"));
  }
}
