package io.datasetserver.api;

import static io.datasetserver.testing.TestData.DATASETS;
import static io.datasetserver.testing.TestData.add;
import static io.datasetserver.testing.TestData.datapoints;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.ids;
import static io.datasetserver.testing.TestData.json;
import static io.datasetserver.testing.TestData.latin1Csv;
import static io.datasetserver.testing.TestData.questions;
import static io.datasetserver.testing.TestData.rowMention;
import static io.datasetserver.testing.TestData.uniquePath;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.storage.StoredDocuments;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /v5/datasets/{id}/datapoints/csv (contract §3 and §6): column mapping, base selection,
 * dedupe, and every way a file or request is refused. The mapping's corner cases are also pinned
 * without HTTP in {@code CsvRowsTest}.
 */
@ExtendWith(RunningServer.class)
class CsvUploadTest {

  // ---- column mapping ----

  @Test
  void inputColumnsBecomeInputsOfNewDatapointsAfterTheBase(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    JsonNode uploaded = upload(api, base, "", "question,context\nwhat,first\nwhy,second\n").ok();

    assertThat(uploaded.get("id").asText()).isEqualTo(id(base));
    assertThat(versionId(uploaded)).isNotEqualTo(versionId(base)).startsWith("dsv_");
    assertThat(uploaded.get("datapoints_count").asInt()).isEqualTo(3);
    assertThat(contents(api, uploaded))
        .isEqualTo(
            json(
                """
        [{"inputs": {"q": "a"}},
         {"inputs": {"question": "what", "context": "first"}},
         {"inputs": {"question": "why", "context": "second"}}]"""));
  }

  @Test
  void uploadedVersionIsNotDeployed(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    JsonNode uploaded = upload(api, base, "", "q\nb\n").ok();

    assertThat(uploaded.get("environments")).isEmpty();
    assertThat(versionId(api.get(datasetUrl(base)).ok())).isEqualTo(versionId(base));
    assertThat(versions(api, base)).containsExactly(versionId(uploaded), versionId(base));
  }

  @Test
  void emptyInputCellsAreKeptAsEmptyStrings(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "x,y,z\none,,\n");

    assertThat(last(datapoints))
        .isEqualTo(json("{\"inputs\": {\"x\": \"one\", \"y\": \"\", \"z\": \"\"}}"));
  }

  @Test
  void targetTextBecomesTheOutput(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "q,target\nhi,hello there\n");

    assertThat(last(datapoints))
        .isEqualTo(
            json("{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"hello there\"}}"));
  }

  @Test
  void targetJsonObjectBecomesTheTarget(Api api) {
    ArrayNode datapoints =
        contentsAfterUploading(
            api,
            "q,target\nhi,\"{\"\"answer\"\": 42, \"\"tags\"\": [\"\"x\"\"], \"\"none\"\": null}\"\n");

    assertThat(last(datapoints))
        .isEqualTo(
            json(
                "{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"answer\": 42, \"tags\": [\"x\"], \"none\": null}}"));
  }

  @Test
  void targetJsonThatIsNotAnObjectIsKeptAsText(Api api) {
    ArrayNode datapoints =
        contentsAfterUploading(api, "q,target\none,42\ntwo,\"[1, 2]\"\nthree,true\n");

    assertThat(datapoints)
        .isEqualTo(
            json(
                """
        [{"inputs": {"q": "a"}},
         {"inputs": {"q": "one"}, "target": {"output": "42"}},
         {"inputs": {"q": "two"}, "target": {"output": "[1, 2]"}},
         {"inputs": {"q": "three"}, "target": {"output": "true"}}]"""));
  }

  @Test
  void emptyTargetCellSetsNoTarget(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "q,target\nhi,\n");

    assertThat(last(datapoints)).isEqualTo(json("{\"inputs\": {\"q\": \"hi\"}}"));
  }

  @Test
  void targetKeyColumnsAreJsonWhenTheyParseElseText(Api api) {
    ArrayNode datapoints =
        contentsAfterUploading(
            api,
            "q,target.score,target.label,target.meta,target.gone,target.ok,target.list,target.quoted\n"
                + "hi,0.5,good answer,\"{\"\"k\"\": 1}\",null,true,\"[1,\"\"x\"\"]\",\"\"\"text\"\"\"\n");

    assertThat(last(datapoints))
        .isEqualTo(
            json(
                """
        {"inputs": {"q": "hi"},
         "target": {"score": 0.5, "label": "good answer", "meta": {"k": 1}, "gone": null, "ok": true,
                    "list": [1, "x"], "quoted": "text"}}"""));
  }

  @Test
  void targetKeyCellWithTextAfterANumberIsText(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "q,target.score\nhi,42 apples\n");

    assertThat(last(datapoints))
        .isEqualTo(json("{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"score\": \"42 apples\"}}"));
  }

  @Test
  void targetKeyColumnsApplyOverAJsonTarget(Api api) {
    ArrayNode datapoints =
        contentsAfterUploading(
            api,
            "q,target,target.answer,target.extra\nhi,\"{\"\"answer\"\": 1, \"\"keep\"\": 2}\",3,more\n");

    assertThat(last(datapoints))
        .isEqualTo(
            json(
                "{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"answer\": 3, \"keep\": 2, \"extra\": \"more\"}}"));
  }

  @Test
  void targetKeyColumnsApplyOverATextTarget(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "q,target,target.score\nhi,hello,1\n");

    assertThat(last(datapoints))
        .isEqualTo(
            json(
                "{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"hello\", \"score\": 1}}"));
  }

  @Test
  void emptyTargetKeyCellSetsNothing(Api api) {
    ArrayNode datapoints =
        contentsAfterUploading(api, "q,target,target.score\none,hello,\ntwo,,\n");

    assertThat(datapoints)
        .isEqualTo(
            json(
                """
        [{"inputs": {"q": "a"}},
         {"inputs": {"q": "one"}, "target": {"output": "hello"}},
         {"inputs": {"q": "two"}}]"""));
  }

  @Test
  void targetKeyColumnsAloneBuildATarget(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "q,target.output\nhi,bye\n");

    assertThat(last(datapoints))
        .isEqualTo(json("{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"bye\"}}"));
  }

  @Test
  void headerNamesAreCaseSensitiveSoTargetAndMessagesInOtherCasesAreInputs(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "Target,Messages,TARGET.x,q\nt,m,x,hi\n");

    assertThat(last(datapoints))
        .isEqualTo(
            json(
                "{\"inputs\": {\"Target\": \"t\", \"Messages\": \"m\", \"TARGET.x\": \"x\", \"q\": \"hi\"}}"));
  }

  @Test
  void messagesColumnHoldsAJsonArrayOfChatMessages(Api api) {
    ArrayNode datapoints =
        contentsAfterUploading(
            api,
            "q,messages\n"
                + "one,\"[{\"\"role\"\": \"\"system\"\", \"\"content\"\": \"\"be brief\"\"},"
                + " {\"\"role\"\": \"\"user\"\", \"\"content\"\": [{\"\"type\"\": \"\"text\"\", \"\"text\"\": \"\"hi\"\"}]}]\"\n"
                + "two,\n");

    assertThat(datapoints)
        .isEqualTo(
            json(
                """
        [{"inputs": {"q": "a"}},
         {"inputs": {"q": "one"},
          "messages": [{"role": "system", "content": "be brief"},
                       {"role": "user", "content": [{"type": "text", "text": "hi"}]}]},
         {"inputs": {"q": "two"}}]"""));
  }

  @Test
  void quotedFieldsKeepCommasNewlinesAndQuotes(Api api) {
    ArrayNode datapoints =
        contentsAfterUploading(
            api, "q,notes\n\"a, b\",\"line one\nline two\"\n\"say \"\"hi\"\"\",plain\n");

    assertThat(datapoints)
        .isEqualTo(
            json(
                """
        [{"inputs": {"q": "a"}},
         {"inputs": {"q": "a, b", "notes": "line one\\nline two"}},
         {"inputs": {"q": "say \\"hi\\"", "notes": "plain"}}]"""));
  }

  @Test
  void byteOrderMarkIsNotPartOfTheFirstHeader(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "\uFEFFq,target\nhi,yo\n");

    assertThat(last(datapoints))
        .isEqualTo(json("{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"yo\"}}"));
  }

  @Test
  void crlfLineEndingsAreNotPartOfTheCells(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "q,target\r\none,x\r\ntwo,y\r\n");

    assertThat(datapoints)
        .isEqualTo(
            json(
                """
        [{"inputs": {"q": "a"}},
         {"inputs": {"q": "one"}, "target": {"output": "x"}},
         {"inputs": {"q": "two"}, "target": {"output": "y"}}]"""));
  }

  @Test
  void blankLinesAreSkipped(Api api) {
    ArrayNode datapoints = contentsAfterUploading(api, "q,r\n\none,1\n\r\n\ntwo,2\n\n");

    assertThat(datapoints)
        .isEqualTo(
            json(
                """
        [{"inputs": {"q": "a"}},
         {"inputs": {"q": "one", "r": "1"}},
         {"inputs": {"q": "two", "r": "2"}}]"""));
  }

  @Test
  void fileWithoutATrailingNewlineKeepsItsLastRow(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    JsonNode uploaded = upload(api, base, "", "q\nb\nc").ok();

    assertThat(questions(api, uploaded)).containsExactly("a", "b", "c");
  }

  // ---- dedupe and identical content ----

  @Test
  void headerOnlyFileReturnsTheBaseUnchanged(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    JsonNode uploaded = upload(api, base, "", "q,target\n").ok();

    assertThat(versionId(uploaded)).isEqualTo(versionId(base));
    assertThat(uploaded.get("datapoints_count").asInt()).isEqualTo(1);
    assertThat(uploaded.get("updated_at").asText()).isEqualTo(base.get("updated_at").asText());
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void rowsAlreadyInTheBaseOrRepeatedInTheFileAreAddedOnce(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a", "b");

    JsonNode uploaded = upload(api, base, "", "q\nb\nc\nc\na\nd\n").ok();

    assertThat(uploaded.get("datapoints_count").asInt()).isEqualTo(4);
    assertThat(questions(api, uploaded)).containsExactly("a", "b", "c", "d");
    assertThat(datapointIds(api, uploaded).subList(0, 2)).isEqualTo(datapointIds(api, base));
  }

  @Test
  void rowsTheBaseAlreadyHoldsReturnTheBase(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a", "b");

    JsonNode uploaded = upload(api, base, "", "q\nb\na\n").ok();

    assertThat(versionId(uploaded)).isEqualTo(versionId(base));
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void rowsRecreatingAnotherExistingVersionReturnThatVersion(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    JsonNode second = add(api, id(base), "b");

    JsonNode uploaded = upload(api, base, "", "q\nb\n").ok();

    assertThat(versionId(uploaded)).isEqualTo(versionId(second));
    assertThat(versions(api, base)).containsExactly(versionId(second), versionId(base));
  }

  @Test
  void rowEqualToAJsonDatapointWithAnExactDecimalIsTheSameDatapoint(Api api) {
    JsonNode base =
        api.post(
                DATASETS,
                "{\"path\": \""
                    + uniquePath("tests/csv")
                    + "\", \"datapoints\": "
                    + "[{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"score\": 0.12345678901234567890}}]}")
            .ok();

    JsonNode uploaded = upload(api, base, "", "q,target.score\nhi,0.12345678901234567890\n").ok();

    assertThat(versionId(uploaded)).isEqualTo(versionId(base));
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void newVersionKeepsTheBasesAttributes(Api api) {
    JsonNode base =
        api.post(
                DATASETS,
                Map.of(
                    "path",
                    uniquePath("tests/csv"),
                    "datapoints",
                    datapoints("a"),
                    "attributes",
                    Map.of("owner", "qa", "n", 1)))
            .ok();

    JsonNode uploaded = upload(api, base, "", "q\nb\n").ok();

    assertThat(uploaded.get("attributes")).isEqualTo(json("{\"owner\": \"qa\", \"n\": 1}"));
  }

  // ---- version name and description ----

  @Test
  void versionNameAndDescriptionDescribeTheNewVersion(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    JsonNode uploaded =
        upload(
                api,
                base,
                "",
                "q\nb\n",
                "version_name",
                "from csv",
                "version_description",
                "uploaded rows")
            .ok();

    assertThat(uploaded.get("version_name").asText()).isEqualTo("from csv");
    assertThat(uploaded.get("version_description").asText()).isEqualTo("uploaded rows");
  }

  @Test
  void versionNameAndDescriptionKeepNonAsciiCharacters(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    JsonNode uploaded =
        upload(
                api,
                base,
                "",
                "q\nb\n",
                "version_name",
                "caf\u00e9 \u2713 \u65e5\u672c",
                "version_description",
                "na\u00efve \ud83d\ude00")
            .ok();

    assertThat(uploaded.get("version_name").asText()).isEqualTo("caf\u00e9 \u2713 \u65e5\u672c");
    assertThat(uploaded.get("version_description").asText()).isEqualTo("na\u00efve \ud83d\ude00");
  }

  @Test
  void versionNameLongerThan255CharactersIsRejected(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    upload(api, base, "", "q\nb\n", "version_name", "n".repeat(256)).assertStatus(422);

    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void emptyVersionNameIsRejected(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response = upload(api, base, "", "q\nb\n", "version_name", "");

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void emptyVersionNameIsRejectedBeforeTheDatasetIsLookedUp(Api api) {
    Api.Response response =
        api.upload(
            DATASETS + "/ds_unknown/datapoints/csv",
            "rows.csv",
            "q\nb\n".getBytes(StandardCharsets.UTF_8),
            "version_name",
            "");

    response.assertStatus(422);
  }

  @Test
  void versionNameUsedByAnotherVersionIsAConflict(Api api) {
    JsonNode base =
        api.post(
                DATASETS,
                Map.of(
                    "path",
                    uniquePath("tests/csv"),
                    "datapoints",
                    datapoints("a"),
                    "version_name",
                    "taken"))
            .ok();

    Api.Response response = upload(api, base, "", "q\nb\n", "version_name", "taken");

    response.assertStatus(409);
    assertThat(response.json().get("detail").isTextual()).isTrue();
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void rowsAddingNothingUnderADifferentVersionNameAreAConflictNamingTheExistingVersion(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response = upload(api, base, "", "q\na\n", "version_name", "fresh");

    response.assertStatus(409);
    assertThat(response.json().get("detail").asText()).contains(versionId(base));
    assertThat(versions(api, base)).containsExactly(versionId(base));
    assertThat(api.get(datasetUrl(base)).ok().has("version_name")).isFalse();
  }

  @Test
  void headerOnlyFileUnderADifferentVersionNameIsAConflictNamingTheBase(Api api) {
    JsonNode base =
        api.post(
                DATASETS,
                Map.of(
                    "path",
                    uniquePath("tests/csv"),
                    "datapoints",
                    datapoints("a"),
                    "version_name",
                    "one"))
            .ok();

    Api.Response response = upload(api, base, "", "q\n", "version_name", "two");

    response.assertStatus(409);
    assertThat(response.json().get("detail").asText()).contains(versionId(base));
  }

  @Test
  void rowsAddingNothingUnderTheBasesOwnNameReturnTheBase(Api api) {
    JsonNode base =
        api.post(
                DATASETS,
                Map.of(
                    "path",
                    uniquePath("tests/csv"),
                    "datapoints",
                    datapoints("a"),
                    "version_name",
                    "one"))
            .ok();

    JsonNode uploaded = upload(api, base, "", "q\na\n", "version_name", "one").ok();

    assertThat(versionId(uploaded)).isEqualTo(versionId(base));
  }

  // ---- base selection ----

  @Test
  void versionIdNamesTheBase(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    JsonNode second = add(api, id(base), "b");
    add(api, id(base), "c");

    JsonNode uploaded = upload(api, base, "?version_id=" + versionId(second), "q\nd\n").ok();

    assertThat(questions(api, uploaded)).containsExactly("a", "b", "d");
  }

  @Test
  void environmentNamesTheBase(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    JsonNode second = add(api, id(base), "b");
    add(api, id(base), "c");
    api.post(datasetUrl(base) + "/environments/staging?version_id=" + versionId(second), null).ok();

    JsonNode uploaded = upload(api, base, "?environment=staging", "q\nd\n").ok();

    assertThat(questions(api, uploaded)).containsExactly("a", "b", "d");
  }

  @Test
  void withoutASelectionTheVersionDeployedToTheDefaultEnvironmentIsTheBase(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    add(api, id(base), "b");

    JsonNode uploaded = upload(api, base, "", "q\nc\n").ok();

    assertThat(questions(api, uploaded)).containsExactly("a", "c");
  }

  @Test
  void withoutASelectionOrADefaultDeploymentTheLatestVersionIsTheBase(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    add(api, id(base), "b");
    api.delete(datasetUrl(base) + "/environments/production").assertStatus(204);

    JsonNode uploaded = upload(api, base, "", "q\nc\n").ok();

    assertThat(questions(api, uploaded)).containsExactly("a", "b", "c");
  }

  @Test
  void bothVersionIdAndEnvironmentAreRejected(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response =
        upload(api, base, "?version_id=" + versionId(base) + "&environment=production", "q\nb\n");

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("query");
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void unknownDatasetIsNotFoundBeforeTheFileIsRead(Api api) {
    Api.Response response =
        api.upload(
            DATASETS + "/ds_unknown/datapoints/csv",
            "rows.csv",
            "q,r\nragged\n".getBytes(StandardCharsets.UTF_8));

    response.assertStatus(404);
    assertThat(response.json().get("detail").isTextual()).isTrue();
  }

  @Test
  void unknownBaseIsNotFoundBeforeTheFileIsRead(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    String ragged = "q,r\nragged\n";

    upload(api, base, "?version_id=dsv_unknown", ragged).assertStatus(404);
    upload(api, base, "?environment=nowhere", ragged).assertStatus(404);
    upload(api, base, "?environment=staging", ragged).assertStatus(404);
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void versionOfAnotherDatasetIsNotABase(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    JsonNode other = upsert(api, uniquePath("tests/csv"), "z");

    upload(api, base, "?version_id=" + versionId(other), "q\nb\n").assertStatus(404);

    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  // ---- malformed files ----

  @Test
  void rowWithMoreCellsThanTheHeaderIsRejectedNamingTheRowAndChangesNothing(
      Api api, DatasetServer server) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    Map<String, Long> before = StoredDocuments.counts(server.database());

    Api.Response response = upload(api, base, "", "q,r\nb,1\nc,2\nd,3,extra\ne,4\n");

    response.assertStatus(422);
    assertNamesRow(response, 3);
    assertThat(versions(api, base)).containsExactly(versionId(base));
    assertThat(StoredDocuments.counts(server.database())).isEqualTo(before);
  }

  @Test
  void rowWithFewerCellsThanTheHeaderIsRejectedNamingTheRow(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response = upload(api, base, "", "q,r\nb,1\nc\n");

    response.assertStatus(422);
    assertNamesRow(response, 2);
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void invalidJsonInMessagesIsRejectedNamingTheRow(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response =
        upload(api, base, "", "q,messages\nb,\nc,\"[{\"\"role\"\": \"\"user\"\"\"\n");

    response.assertStatus(422);
    assertNamesRow(response, 2);
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void messagesThatAreNotChatMessagesAreRejected(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    upload(
            api,
            base,
            "",
            "q,messages\nb,\"[{\"\"role\"\": \"\"robot\"\", \"\"content\"\": \"\"x\"\"}]\"\n")
        .assertStatus(422);
    upload(api, base, "", "q,messages\nb,\"{\"\"role\"\": \"\"user\"\"}\"\n").assertStatus(422);
    upload(api, base, "", "q,messages\nb,hello\n").assertStatus(422);
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void unterminatedQuotedFieldIsRejected(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    upload(api, base, "", "q,r\nb,1\nc,\"never closed\n").assertStatus(422);

    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void duplicateHeaderNamesAreRejected(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response = upload(api, base, "", "q,r,q\n1,2,3\n");

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void fileThatIsNotUtf8IsRejectedAndChangesNothing(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response = upload(api, base, "", latin1Csv());

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void fileThatIsNotUtf8IsRejectedNamingTheRow(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response = upload(api, base, "", latin1Csv());

    response.assertStatus(422);
    assertNamesRow(response, 3);
  }

  /** Sequences a lenient decoder would turn into U+FFFD: overlong, surrogate, above U+10FFFF. */
  @Test
  void invalidUtf8SequencesAreRejectedNamingTheirRowAndStoreNothing(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    for (byte[] sequence :
        new byte[][] {
          {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
          {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
        }) {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      file.writeBytes("q\nfine\ncaf".getBytes(StandardCharsets.UTF_8));
      file.writeBytes(sequence);
      file.writeBytes("\nfine too\n".getBytes(StandardCharsets.UTF_8));

      Api.Response response = upload(api, base, "", file.toByteArray());

      response.assertInvalid("body", "file");
      assertThat(response.json().get("detail").get(0).get("msg").asText()).contains("row 2 ");
    }
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void emptyFileWithoutAHeaderIsRejected(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response = upload(api, base, "", "");

    response.assertStatus(422);
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void missingFilePartIsRejected(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response =
        api.upload(
            datasetUrl(base) + "/datapoints/csv", "rows.csv", null, "version_name", "no file");

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc"))
        .extracting(JsonNode::asText)
        .containsExactly("body", "file");
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void multipartBodyWithoutAnyPartIsRejected(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    Api.Response response = api.upload(datasetUrl(base) + "/datapoints/csv", "rows.csv", null);

    response.assertStatus(422);
    assertThat(response.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void missingFilePartIsRejectedBeforeTheDatasetIsLookedUp(Api api) {
    Api.Response response =
        api.upload(
            DATASETS + "/ds_unknown/datapoints/csv", "rows.csv", null, "version_name", "no file");

    response.assertStatus(422);
  }

  @Test
  void fileOverTheSizeLimitIsRejectedAndOneAtTheLimitIsAccepted() throws Exception {
    try (DatasetServer small =
        DatasetServer.start(RunningServer.config().withMaxUploadBytes(1000))) {
      Api api = new Api(small.port());
      JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
      String atLimit = "q\n" + "x".repeat(997) + "\n";
      String overLimit = "q\n" + "y".repeat(998) + "\n";
      assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(1000);

      Api.Response tooLarge = upload(api, base, "", overLimit);

      tooLarge.assertStatus(413);
      assertThat(tooLarge.json().get("detail").isTextual()).isTrue();
      assertThat(versions(api, base)).containsExactly(versionId(base));
      JsonNode accepted = upload(api, base, "", atLimit).ok();
      assertThat(accepted.get("datapoints_count").asInt()).isEqualTo(2);
    }
  }

  @Test
  void unknownDatasetIsNotFoundEvenWhenTheFileIsOverTheLimit() throws Exception {
    try (DatasetServer small =
        DatasetServer.start(RunningServer.config().withMaxUploadBytes(1000))) {
      Api api = new Api(small.port());

      Api.Response response =
          api.upload(
              DATASETS + "/ds_unknown/datapoints/csv",
              "rows.csv",
              ("q\n" + "y".repeat(2000) + "\n").getBytes(StandardCharsets.UTF_8));

      response.assertStatus(404);
    }
  }

  // ---- who may upload ----

  @Test
  void uploaderIsTheNewVersionsCreator(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    JsonNode uploaded = upload(api.as(Api.ALPHA_ALAN), base, "", "q\nb\n").ok();

    assertThat(uploaded.get("created_by").get("id").asText()).isEqualTo("usr_alan");
    assertThat(uploaded.get("created_by").get("email_address").asText())
        .isEqualTo("alan@alpha.example");
  }

  @Test
  void anotherOrganizationCannotUpload(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    upload(api.as(Api.BETA), base, "", "q\nb\n").assertStatus(404);
    upload(api.as(Api.BETA), base, "?version_id=" + versionId(base), "q\nb\n").assertStatus(404);
    upload(api.as(Api.BETA), base, "?environment=live", "q\nb\n").assertStatus(404);

    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  @Test
  void missingKeyIsUnauthorized(Api api) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");

    upload(api.as(null), base, "", "q\nb\n").assertStatus(401);

    assertThat(versions(api, base)).containsExactly(versionId(base));
  }

  // ---- helpers ----

  private static Api.Response upload(
      Api api, JsonNode dataset, String query, String csv, String... fields) {
    return upload(api, dataset, query, csv.getBytes(StandardCharsets.UTF_8), fields);
  }

  private static Api.Response upload(
      Api api, JsonNode dataset, String query, byte[] csv, String... fields) {
    return api.upload(datasetUrl(dataset) + "/datapoints/csv" + query, "rows.csv", csv, fields);
  }

  /** The 422's message names the bad row (see {@code TestData.rowMention}). */
  private static void assertNamesRow(Api.Response response, int dataRow) {
    String message = response.json().get("detail").get(0).get("msg").asText();
    assertThat(message).as(response.toString()).containsPattern(rowMention(dataRow));
  }

  /**
   * Uploads {@code csv} onto a new dataset holding the datapoint {@code {"inputs": {"q": "a"}}};
   * returns the new version's datapoints without their ids, in order.
   */
  private static ArrayNode contentsAfterUploading(Api api, String csv) {
    JsonNode base = upsert(api, uniquePath("tests/csv"), "a");
    return contents(api, upload(api, base, "", csv).ok());
  }

  /** The version's datapoints without their ids, in order. */
  private static ArrayNode contents(Api api, JsonNode version) {
    ArrayNode datapoints =
        (ArrayNode)
            api.get(
                    datasetUrl(version)
                        + "?include_datapoints=true&version_id="
                        + versionId(version))
                .ok()
                .get("datapoints");
    datapoints.forEach(d -> ((ObjectNode) d).remove("id"));
    return datapoints;
  }

  private static List<String> datapointIds(Api api, JsonNode version) {
    return ids(
        api.get(datasetUrl(version) + "?include_datapoints=true&version_id=" + versionId(version))
            .ok()
            .get("datapoints"));
  }

  /** Version ids of the dataset, newest first. */
  private static List<String> versions(Api api, JsonNode dataset) {
    List<String> ids = new ArrayList<>();
    api.get(datasetUrl(dataset) + "/versions")
        .ok()
        .get("records")
        .forEach(v -> ids.add(versionId(v)));
    return ids;
  }

  private static JsonNode last(ArrayNode datapoints) {
    return datapoints.get(datapoints.size() - 1);
  }
}
