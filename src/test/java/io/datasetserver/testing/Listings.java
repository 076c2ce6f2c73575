package io.datasetserver.testing;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Listings of one test's datasets (those whose name contains its token), and the check that the
 * listings served from each instance's catalog agree with the database: {@code user_filter} is not
 * in the catalog, so a listing with it sorts and pages in the database itself.
 */
public final class Listings {
  /** Every ALPHA dataset was created by a user whose email ends with it. */
  private static final String EVERY_ALPHA_CREATOR = "alpha.example";

  private Listings() {}

  /** The ids of {@code GET /v5/datasets?name=token} with these extra parameters. */
  public static List<String> datasets(Api api, String token, String query) {
    return ids(api.get(DATASETS + "?size=100&name=" + token + query).ok().get("records"));
  }

  /** The ids of {@code GET /v5/files?name=token} with these extra parameters. */
  public static List<String> files(Api api, String token, String query) {
    return ids(api.get("/v5/files?size=100&name=" + token + query).ok().get("records"));
  }

  /**
   * Asserts that every order and a middle page of the token's datasets, and their total, are the
   * same from the catalog as from the database; returns the ids by name.
   */
  public static List<String> agreeWithTheDatabase(Api api, String token) {
    for (String sortBy : List.of("created_at", "updated_at", "name")) {
      for (String order : List.of("asc", "desc")) {
        String query = "&sort_by=" + sortBy + "&order=" + order;
        assertThat(datasets(api, token, query))
            .as(query)
            .isEqualTo(datasets(api, token, query + "&user_filter=" + EVERY_ALPHA_CREATOR));
      }
    }
    String page = DATASETS + "?size=2&page=2&sort_by=updated_at&name=" + token;
    JsonNode fromCatalog = api.get(page).ok();
    JsonNode fromDatabase = api.get(page + "&user_filter=" + EVERY_ALPHA_CREATOR).ok();
    assertThat(ids(fromCatalog.get("records"))).isEqualTo(ids(fromDatabase.get("records")));
    assertThat(fromCatalog.get("total")).isEqualTo(fromDatabase.get("total"));
    return datasets(api, token, "&sort_by=name&order=asc");
  }
}
