package io.datasetserver.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CONTRACT.md §4 from the attacker's side: BETA, holding ALPHA's dataset, version and environment
 * ids, gets on every one of the 13 endpoints exactly what an unknown id gets (404 with the same
 * detail) and changes nothing, byte for byte, in ALPHA's data or in its own.
 */
@ExtendWith(RunningServer.class)
class TenantIsolationTest {
  private static final String DATASETS = "/v5/datasets";

  private Api alpha;
  private Api beta;

  /** ALPHA's dataset: v1 deployed to production, v2 to staging, v3 not deployed. */
  private String dataset;

  private String path;
  private String v1;
  private String v2;
  private String v3;
  private String production;
  private String staging;

  /** BETA's own dataset and version. */
  private String betaDataset;

  private String betaVersion;

  @BeforeEach
  void alphaAndBetaEachHaveADataset(Api api) {
    alpha = api.as(Api.ALPHA);
    beta = api.as(Api.BETA);
    path = "tenancy/" + java.util.UUID.randomUUID() + "/secret-plans";
    JsonNode first =
        ok(
            alpha.post(
                DATASETS,
                Map.of(
                    "path",
                    path,
                    "attributes",
                    Map.of("owner", "alpha"),
                    "datapoints",
                    List.of(dp("a"), dp("b")))));
    dataset = first.path("id").asText();
    v1 = first.path("version_id").asText();
    v2 =
        ok(alpha.post(
                DATASETS, Map.of("id", dataset, "action", "add", "datapoints", List.of(dp("c")))))
            .path("version_id")
            .asText();
    ok(alpha.post(DATASETS + "/" + dataset + "/environments/staging?version_id=" + v2, null));
    v3 =
        ok(alpha.post(
                DATASETS,
                Map.of(
                    "id",
                    dataset,
                    "action",
                    "add",
                    "version_name",
                    "third",
                    "datapoints",
                    List.of(dp("d")))))
            .path("version_id")
            .asText();
    for (JsonNode environment : ok(alpha.get(DATASETS + "/" + dataset + "/environments"))) {
      if (environment.path("name").asText().equals("production")) {
        production = environment.path("id").asText();
      } else if (environment.path("name").asText().equals("staging")) {
        staging = environment.path("id").asText();
      }
    }
    JsonNode own =
        ok(
            beta.post(
                DATASETS,
                Map.of(
                    "path",
                    "tenancy/beta-" + java.util.UUID.randomUUID(),
                    "datapoints",
                    List.of(dp("beta")))));
    betaDataset = own.path("id").asText();
    betaVersion = own.path("version_id").asText();
    assertThat(production).isNotNull();
    assertThat(staging).isNotNull();
  }

  @Test
  void everyEndpointAnswersBetaAsIfAlphasIdsDidNotExistAndChangesNothing() {
    Map<String, String> alphaBefore = snapshot(alpha, dataset);
    Map<String, String> betaBefore = snapshot(beta, betaDataset);
    // ALPHA's ids are valid: ALPHA's other user reaches them.
    assertThat(
            alpha.as(Api.ALPHA_ALAN).get(DATASETS + "/" + dataset + "?version_id=" + v3).status())
        .isEqualTo(200);

    List<Probe> probes = probes();
    assertThat(probes.stream().map(Probe::endpoint).distinct()).hasSize(12);
    List<String> mismatches = new ArrayList<>();
    for (Probe probe : probes) {
      Api.Response withAlphaIds = probe.send(beta, alphaIds());
      Api.Response withUnknownIds = probe.send(beta, unknownIds());
      String label = probe.endpoint() + " " + probe.description();
      if (withAlphaIds.status() != 404 || !isJsonDetail(withAlphaIds)) {
        mismatches.add(label + " -> " + withAlphaIds);
        continue;
      }
      String seen = withoutIds(withAlphaIds.json().path("detail").asText(), alphaIds());
      String unknown = withoutIds(withUnknownIds.json().path("detail").asText(), unknownIds());
      if (withUnknownIds.status() != 404 || !seen.equals(unknown)) {
        mismatches.add(
            label
                + ": another organization's id answers "
                + withAlphaIds
                + " but an unknown id answers "
                + withUnknownIds);
      }
      if (withAlphaIds.body().contains(path) || withAlphaIds.body().contains("secret-plans")) {
        mismatches.add(label + " leaks ALPHA's path: " + withAlphaIds);
      }
    }
    assertThat(mismatches).as("requests by BETA with ALPHA's ids").isEmpty();

    assertThat(snapshot(alpha, dataset))
        .as("ALPHA's dataset after BETA's requests")
        .isEqualTo(alphaBefore);
    assertThat(snapshot(beta, betaDataset))
        .as("BETA's own dataset after its requests")
        .isEqualTo(betaBefore);
  }

  @Test
  void listingNeverShowsAnotherOrganizationsDatasets() {
    Map<String, String> alphaBefore = snapshot(alpha, dataset);
    List<String> queries =
        List.of(
            "",
            "?name=secret",
            "?name=secret-plans",
            "?user_filter=ada",
            "?user_filter=alpha.example",
            "?user_filter=Lovelace",
            "?sort_by=updated_at&order=asc",
            "?sort_by=name&size=1000",
            "?page=2&size=1");
    for (String query : queries) {
      Api.Response listed = beta.get(DATASETS + query);
      assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
      assertThat(listed.body())
          .as(query)
          .doesNotContain(dataset)
          .doesNotContain(path)
          .doesNotContain("ada@alpha.example");
    }
    assertThat(beta.get(DATASETS + "?name=secret-plans").json().path("total").asInt()).isZero();
    assertThat(beta.get(DATASETS + "?user_filter=ada").json().path("total").asInt()).isZero();
    // ALPHA's path is free in BETA's organization: BETA gets a dataset of its own, ALPHA's is
    // untouched.
    JsonNode betas =
        ok(beta.post(DATASETS, Map.of("path", path, "action", "add", "datapoints", List.of())));
    assertThat(betas.path("id").asText()).isNotEqualTo(dataset);
    assertThat(betas.path("datapoints_count").asInt()).isZero();
    assertThat(snapshot(alpha, dataset)).isEqualTo(alphaBefore);
  }

  /** One request per use of a foreign id, over all the endpoints; ids are filled in per run. */
  private List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    String ds = DATASETS + "/{ds}";
    String mine = DATASETS + "/" + betaDataset;
    // POST /datasets (upsert): ALPHA's dataset id, or ALPHA's version / environment as the base of
    // BETA's dataset.
    for (String action : List.of("set", "add", "remove")) {
      probes.add(
          json(
              "upsert",
              "POST",
              DATASETS,
              "{\"id\":\"{ds}\",\"action\":\""
                  + action
                  + "\",\"datapoints\":[{\"inputs\":{\"q\":\"x\"}}]}"));
    }
    probes.add(
        json("upsert", "POST", DATASETS, "{\"id\":\"{ds}\",\"action\":\"add\",\"datapoints\":[]}"));
    probes.add(
        json(
            "upsert",
            "POST",
            DATASETS,
            "{\"id\":\"{ds}\",\"path\":\"" + path + "\",\"datapoints\":[]}"));
    probes.add(
        json(
            "upsert",
            "POST",
            DATASETS + "?version_id={v1}",
            "{\"id\":\""
                + betaDataset
                + "\",\"action\":\"add\",\"datapoints\":[{\"inputs\":{\"q\":\"x\"}}]}"));
    probes.add(
        json(
            "upsert",
            "POST",
            DATASETS + "?environment={production}",
            "{\"id\":\""
                + betaDataset
                + "\",\"action\":\"remove\",\"datapoints\":[{\"inputs\":{\"q\":\"beta\"}}]}"));
    // GET /datasets/{id}
    probes.add(plain("get", "GET", ds));
    probes.add(plain("get", "GET", ds + "?include_datapoints=true"));
    probes.add(plain("get", "GET", ds + "?version_id={v3}&include_datapoints=true"));
    probes.add(plain("get", "GET", ds + "?environment={staging}"));
    probes.add(plain("get", "GET", mine + "?version_id={v1}"));
    probes.add(plain("get", "GET", mine + "?environment={production}"));
    // DELETE /datasets/{id}
    probes.add(plain("delete dataset", "DELETE", ds));
    // PATCH /datasets/{id}
    probes.add(json("move", "PATCH", ds, "{\"path\":\"tenancy/stolen\"}"));
    probes.add(json("move", "PATCH", ds, "{\"name\":\"stolen\"}"));
    probes.add(json("move", "PATCH", ds, "{}"));
    // GET /datasets/{id}/datapoints
    probes.add(plain("datapoints", "GET", ds + "/datapoints"));
    probes.add(plain("datapoints", "GET", ds + "/datapoints?version_id={v1}&size=1000"));
    probes.add(plain("datapoints", "GET", mine + "/datapoints?version_id={v2}"));
    probes.add(plain("datapoints", "GET", mine + "/datapoints?environment={staging}"));
    // GET /datasets/{id}/versions
    probes.add(plain("versions", "GET", ds + "/versions"));
    probes.add(plain("versions", "GET", ds + "/versions?include_datapoints=latest_saved"));
    // DELETE /datasets/{id}/versions/{version_id}
    probes.add(plain("delete version", "DELETE", ds + "/versions/{v3}"));
    probes.add(plain("delete version", "DELETE", mine + "/versions/{v3}"));
    // PATCH /datasets/{id}/versions/{version_id}
    probes.add(
        json(
            "update version",
            "PATCH",
            ds + "/versions/{v3}",
            "{\"name\":\"stolen\",\"description\":\"x\"}"));
    probes.add(json("update version", "PATCH", ds + "/versions/{v1}", "{}"));
    probes.add(json("update version", "PATCH", mine + "/versions/{v3}", "{\"description\":\"x\"}"));
    // POST /datasets/{id}/datapoints/csv
    probes.add(csv("csv", ds + "/datapoints/csv"));
    probes.add(csv("csv", mine + "/datapoints/csv?version_id={v1}"));
    probes.add(csv("csv", mine + "/datapoints/csv?environment={production}"));
    // POST /datasets/{id}/environments/{environment_id}
    probes.add(plain("deploy", "POST", ds + "/environments/{staging}?version_id={v1}"));
    probes.add(plain("deploy", "POST", ds + "/environments/staging?version_id={v3}"));
    probes.add(
        plain("deploy", "POST", mine + "/environments/{production}?version_id=" + betaVersion));
    probes.add(plain("deploy", "POST", mine + "/environments/live?version_id={v3}"));
    // DELETE /datasets/{id}/environments/{environment_id}
    probes.add(plain("undeploy", "DELETE", ds + "/environments/{production}"));
    probes.add(plain("undeploy", "DELETE", ds + "/environments/staging"));
    probes.add(plain("undeploy", "DELETE", mine + "/environments/{staging}"));
    // GET /datasets/{id}/environments
    probes.add(plain("environments", "GET", ds + "/environments"));
    return probes;
  }

  private Map<String, String> alphaIds() {
    return ids(dataset, v1, v2, v3, production, staging);
  }

  /** Ids of the same shape that exist nowhere. */
  private Map<String, String> unknownIds() {
    return ids(
        scramble(dataset),
        scramble(v1),
        scramble(v2),
        scramble(v3),
        scramble(production),
        scramble(staging));
  }

  private static Map<String, String> ids(
      String ds, String v1, String v2, String v3, String production, String staging) {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("{ds}", ds);
    ids.put("{v1}", v1);
    ids.put("{v2}", v2);
    ids.put("{v3}", v3);
    ids.put("{production}", production);
    ids.put("{staging}", staging);
    return ids;
  }

  /** The same prefix and length, the suffix reversed and shifted: a well-formed id nobody has. */
  private static String scramble(String id) {
    int cut = id.indexOf('_') + 1;
    StringBuilder suffix = new StringBuilder(id.substring(cut)).reverse();
    for (int i = 0; i < suffix.length(); i++) {
      char c = suffix.charAt(i);
      suffix.setCharAt(
          i,
          Character.isDigit(c)
              ? (char) ('0' + (c - '0' + 3) % 10)
              : Character.isLowerCase(c) && c <= 'f' ? (char) ('a' + (c - 'a' + 1) % 6) : c);
    }
    String scrambled = id.substring(0, cut) + suffix;
    return scrambled.equals(id) ? id.substring(0, cut) + "0".repeat(id.length() - cut) : scrambled;
  }

  private static String withoutIds(String text, Map<String, String> ids) {
    String result = text;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      result = result.replace(id.getValue(), id.getKey());
    }
    return result;
  }

  /** Everything ALPHA (or BETA) can read about a dataset, as the raw bytes the server sent. */
  private static Map<String, String> snapshot(Api api, String id) {
    Map<String, String> snapshot = new LinkedHashMap<>();
    String ds = DATASETS + "/" + id;
    for (String read :
        List.of(
            ds + "?include_datapoints=true",
            ds + "/versions?include_datapoints=latest_saved",
            ds + "/versions",
            ds + "/environments",
            ds + "/datapoints?size=1000",
            DATASETS + "?size=1000&sort_by=updated_at")) {
      Api.Response response = api.get(read);
      assertThat(response.status()).as(read + " " + response).isEqualTo(200);
      snapshot.put(read, response.body());
    }
    for (JsonNode version : api.get(ds + "/versions").json().path("records")) {
      String read =
          ds + "?include_datapoints=true&version_id=" + version.path("version_id").asText();
      snapshot.put(read, api.get(read).body());
    }
    return snapshot;
  }

  private static boolean isJsonDetail(Api.Response response) {
    String type = response.header("Content-Type");
    return type != null
        && type.startsWith("application/json")
        && response.json().path("detail").isTextual();
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static Map<String, Object> dp(String q) {
    return Map.of("inputs", Map.of("q", q), "target", Map.of("output", q.toUpperCase()));
  }

  private static Probe plain(String endpoint, String method, String template) {
    return new Probe(
        endpoint,
        method + " " + template,
        (ids) -> api -> api.send(method, fill(template, ids), null, null));
  }

  private static Probe json(String endpoint, String method, String template, String body) {
    return new Probe(
        endpoint,
        method + " " + template + " " + body,
        ids -> api -> api.send(method, fill(template, ids), fill(body, ids), "application/json"));
  }

  private static Probe csv(String endpoint, String template) {
    return new Probe(
        endpoint,
        "POST " + template + " (multipart)",
        ids ->
            api ->
                api.upload(
                    fill(template, ids),
                    "rows.csv",
                    "q,target\nstolen,yes\n".getBytes(StandardCharsets.UTF_8),
                    "version_name",
                    "stolen"));
  }

  private static String fill(String template, Map<String, String> ids) {
    String result = template;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      result = result.replace(id.getKey(), id.getValue());
    }
    return result;
  }

  /** A request with placeholders for ids, sent once with ALPHA's ids and once with unknown ones. */
  private record Probe(
      String endpoint,
      String description,
      Function<Map<String, String>, Function<Api, Api.Response>> request) {
    Api.Response send(Api api, Map<String, String> ids) {
      return request.apply(ids).apply(api);
    }
  }
}
