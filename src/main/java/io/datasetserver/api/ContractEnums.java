package io.datasetserver.api;

import io.datasetserver.datasets.SortBy;
import io.datasetserver.datasets.UpsertAction;
import io.datasetserver.datasets.VersionDiff;
import io.datasetserver.generated.model.DiffRecord;
import io.datasetserver.generated.model.FileSortBy;
import io.datasetserver.generated.model.ImportStatus;
import io.datasetserver.generated.model.SortOrder;
import io.datasetserver.imports.DatasetImport;

/**
 * The one place where an enum generated from the spec meets its domain counterpart, both ways. Each
 * switch names every constant and has no default, so a value added to the spec (or to the domain)
 * fails the build here instead of being refused, or sent wrongly, at run time.
 */
final class ContractEnums {
  private ContractEnums() {}

  static SortBy sortBy(FileSortBy value) {
    return switch (value) {
      case CREATED_AT -> SortBy.CREATED_AT;
      case UPDATED_AT -> SortBy.UPDATED_AT;
      case NAME -> SortBy.NAME;
    };
  }

  static boolean ascending(SortOrder order) {
    return switch (order) {
      case ASC -> true;
      case DESC -> false;
    };
  }

  static UpsertAction action(io.datasetserver.generated.model.UpsertAction action) {
    return switch (action) {
      case SET -> UpsertAction.SET;
      case ADD -> UpsertAction.ADD;
      case REMOVE -> UpsertAction.REMOVE;
    };
  }

  static DiffRecord.ChangeEnum change(VersionDiff.Change change) {
    return switch (change) {
      case ADDED -> DiffRecord.ChangeEnum.ADDED;
      case REMOVED -> DiffRecord.ChangeEnum.REMOVED;
      case CHANGED -> DiffRecord.ChangeEnum.CHANGED;
    };
  }

  static ImportStatus importStatus(DatasetImport.Status status) {
    return switch (status) {
      case STAGED -> ImportStatus.STAGED;
      case PRESENT -> ImportStatus.PRESENT;
      case IMPORTED -> ImportStatus.IMPORTED;
    };
  }
}
