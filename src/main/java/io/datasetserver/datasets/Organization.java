package io.datasetserver.datasets;

import java.util.List;
import java.util.Optional;

/** A tenant: its datasets are invisible to every other organization. */
public record Organization(String id, String name, List<Environment> environments) {

  public Environment defaultEnvironment() {
    return environments.stream().filter(Environment::isDefault).findFirst().orElseThrow();
  }

  /** Looks an environment up by its {@code env_} id or by its name. */
  public Optional<Environment> environment(String idOrName) {
    return environments.stream()
        .filter(e -> e.id().equals(idOrName) || e.name().equals(idOrName))
        .findFirst();
  }
}
