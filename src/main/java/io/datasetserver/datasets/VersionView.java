package io.datasetserver.datasets;

import java.util.List;

/** One version of a dataset as the API describes it, with the environments it is deployed to. */
public record VersionView(Dataset dataset, Version version, List<Environment> environments) {

  static VersionView of(Dataset dataset, Version version, Organization organization) {
    List<Environment> deployedTo =
        dataset.deploymentsOf(version.id()).stream()
            .flatMap(d -> organization.environment(d.environmentId()).stream())
            .toList();
    return new VersionView(dataset, version, deployedTo);
  }
}
