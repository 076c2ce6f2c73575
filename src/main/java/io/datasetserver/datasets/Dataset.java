package io.datasetserver.datasets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A dataset as stored in its one document: path, live versions (oldest first) and deployments.
 * {@code versions} is in creation order. Immutable; every change produces a new value with {@code
 * revision + 1}, written with compare-and-set on the old revision.
 */
public record Dataset(
    String id,
    String organizationId,
    DatasetPath path,
    Instant createdAt,
    Instant updatedAt,
    long revision,
    List<Version> versions,
    List<Deployment> deployments) {

  public Optional<Version> version(String versionId) {
    return versions.stream().filter(v -> v.id().equals(versionId)).findFirst();
  }

  public Optional<Version> versionNamed(String name) {
    return versions.stream().filter(v -> name.equals(v.name())).findFirst();
  }

  /** A 409 when another version than {@code exceptVersionId} is named {@code name}. */
  void requireFreeVersionName(String name, String exceptVersionId) {
    if (name == null) {
      return;
    }
    versionNamed(name)
        .filter(v -> !v.id().equals(exceptVersionId))
        .ifPresent(
            v -> {
              throw new DatasetsException.Conflict(
                  "Version name '" + name + "' is already used by version " + v.id());
            });
  }

  /** The most recently created live version (versions are kept in creation order). */
  public Version latest() {
    return versions.get(versions.size() - 1);
  }

  public Optional<Deployment> deploymentTo(String environmentId) {
    return deployments.stream().filter(d -> d.environmentId().equals(environmentId)).findFirst();
  }

  public List<Deployment> deploymentsOf(String versionId) {
    return deployments.stream().filter(d -> d.versionId().equals(versionId)).toList();
  }

  /** Contract §2, no selector: the default environment's deployment, else the latest version. */
  public Version defaultVersion(Organization organization) {
    return deploymentTo(organization.defaultEnvironment().id())
        .flatMap(d -> version(d.versionId()))
        .orElseGet(this::latest);
  }

  /** Contract §2: the version a {@code version_id} / {@code environment} pair names. */
  public Version select(VersionSelector selector, Organization organization) {
    if (selector.versionId() != null) {
      return version(selector.versionId())
          .orElseThrow(
              () ->
                  new DatasetsException.NotFound(
                      "Version " + selector.versionId() + " not found in dataset " + id));
    }
    if (selector.environment() != null) {
      Environment environment =
          organization
              .environment(selector.environment())
              .orElseThrow(
                  () ->
                      new DatasetsException.NotFound(
                          "Environment " + selector.environment() + " not found"));
      return deploymentTo(environment.id())
          .flatMap(d -> version(d.versionId()))
          .orElseThrow(
              () ->
                  new DatasetsException.NotFound(
                      "No version of dataset " + id + " is deployed to " + environment.name()));
    }
    return defaultVersion(organization);
  }

  public Dataset withVersionAdded(Version version, Instant now) {
    List<Version> all = new ArrayList<>(versions);
    all.add(version);
    return new Dataset(id, organizationId, path, createdAt, now, revision + 1, all, deployments);
  }

  public Dataset withVersionReplaced(String versionId, UnaryOperator<Version> change, Instant now) {
    List<Version> all =
        versions.stream().map(v -> v.id().equals(versionId) ? change.apply(v) : v).toList();
    return new Dataset(id, organizationId, path, createdAt, now, revision + 1, all, deployments);
  }

  public Dataset withVersionRemoved(String versionId, Instant now) {
    List<Version> all = versions.stream().filter(v -> !v.id().equals(versionId)).toList();
    return new Dataset(id, organizationId, path, createdAt, now, revision + 1, all, deployments);
  }

  /**
   * Deploys {@code versionId} to the environment, replacing what was there; touches the version.
   */
  public Dataset withDeployment(String environmentId, String versionId, Instant now) {
    List<Deployment> all =
        new ArrayList<>(
            deployments.stream().filter(d -> !d.environmentId().equals(environmentId)).toList());
    all.add(new Deployment(environmentId, versionId, now));
    return new Dataset(
        id,
        organizationId,
        path,
        createdAt,
        now,
        revision + 1,
        touch(versions, versionId, now),
        all);
  }

  public Dataset withoutDeployment(String environmentId, Instant now) {
    String versionId = deploymentTo(environmentId).map(Deployment::versionId).orElse(null);
    List<Deployment> all =
        deployments.stream().filter(d -> !d.environmentId().equals(environmentId)).toList();
    return new Dataset(
        id,
        organizationId,
        path,
        createdAt,
        now,
        revision + 1,
        touch(versions, versionId, now),
        all);
  }

  /** A move is a change to every version's dataset, so every version's {@code updatedAt} moves. */
  public Dataset movedTo(DatasetPath newPath, Instant now) {
    List<Version> all = versions.stream().map(v -> v.touched(now)).toList();
    return new Dataset(id, organizationId, newPath, createdAt, now, revision + 1, all, deployments);
  }

  private static List<Version> touch(List<Version> versions, String versionId, Instant now) {
    return versions.stream().map(v -> v.id().equals(versionId) ? v.touched(now) : v).toList();
  }
}
