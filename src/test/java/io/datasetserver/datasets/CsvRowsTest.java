package io.datasetserver.datasets;

import static io.datasetserver.testing.TestData.json;
import static io.datasetserver.testing.TestData.latin1Csv;
import static io.datasetserver.testing.TestData.rowMention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV column mapping (contract §3 "POST /datasets/{id}/datapoints/csv", §6), without HTTP. */
class CsvRowsTest {
  private static final long NO_LIMIT = Long.MAX_VALUE;

  // ---- inputs ----

  @Test
  void everyOtherColumnIsAStringInput() {
    assertThat(rows("question,context\nwhat,first\nwhy,second\n"))
        .containsExactly(
            json("{\"inputs\": {\"question\": \"what\", \"context\": \"first\"}}"),
            json("{\"inputs\": {\"question\": \"why\", \"context\": \"second\"}}"));
  }

  @Test
  void cellsThatLookLikeJsonStayTextInInputs() {
    assertThat(rows("n,flag,obj\n42,true,\"{\"\"a\"\": 1}\"\n"))
        .containsExactly(
            json("{\"inputs\": {\"n\": \"42\", \"flag\": \"true\", \"obj\": \"{\\\"a\\\": 1}\"}}"));
  }

  @Test
  void emptyInputCellsAreKeptAsEmptyStrings() {
    assertThat(rows("a,b,c\nx,,\n"))
        .containsExactly(json("{\"inputs\": {\"a\": \"x\", \"b\": \"\", \"c\": \"\"}}"));
  }

  @Test
  void headerNamesAreTakenExactly() {
    assertThat(rows("Target,MESSAGES,Target.x, q \nt,m,x,v\n"))
        .containsExactly(
            json(
                "{\"inputs\": {\"Target\": \"t\", \"MESSAGES\": \"m\", \"Target.x\": \"x\", \" q \": \"v\"}}"));
  }

  // ---- target ----

  @Test
  void targetTextBecomesTheOutput() {
    assertThat(rows("q,target\nhi,hello there\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"hello there\"}}"));
  }

  @Test
  void targetJsonObjectIsTheTarget() {
    assertThat(
            rows(
                "q,target\nhi,\"{\"\"answer\"\": 42, \"\"none\"\": null, \"\"nested\"\": {\"\"x\"\": [1]}}\"\n"))
        .containsExactly(
            json(
                "{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"answer\": 42, \"none\": null, \"nested\": {\"x\": [1]}}}"));
  }

  @Test
  void targetJsonThatIsNotAnObjectIsTheOutputText() {
    assertThat(rows("q,target\na,42\nb,\"[1, 2]\"\nc,null\nd,\"\"\"quoted\"\"\"\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"a\"}, \"target\": {\"output\": \"42\"}}"),
            json("{\"inputs\": {\"q\": \"b\"}, \"target\": {\"output\": \"[1, 2]\"}}"),
            json("{\"inputs\": {\"q\": \"c\"}, \"target\": {\"output\": \"null\"}}"),
            json("{\"inputs\": {\"q\": \"d\"}, \"target\": {\"output\": \"\\\"quoted\\\"\"}}"));
  }

  @Test
  void malformedJsonObjectInTargetIsTheOutputText() {
    assertThat(rows("q,target\na,\"{\"\"broken\"\": \"\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"a\"}, \"target\": {\"output\": \"{\\\"broken\\\": \"}}"));
  }

  @Test
  void emptyTargetCellSetsNoTarget() {
    assertThat(rows("q,target\nhi,\n")).containsExactly(json("{\"inputs\": {\"q\": \"hi\"}}"));
  }

  @Test
  void targetKeyCellsAreJsonWhenTheyParse() {
    assertThat(
            rows(
                "q,target.score,target.ok,target.gone,target.meta,target.list,target.quoted\n"
                    + "hi,0.5,true,null,\"{\"\"k\"\": 1}\",\"[1, \"\"x\"\"]\",\"\"\"text\"\"\"\n"))
        .containsExactly(
            json(
                """
            {"inputs": {"q": "hi"},
             "target": {"score": 0.5, "ok": true, "gone": null, "meta": {"k": 1}, "list": [1, "x"], "quoted": "text"}}"""));
  }

  @Test
  void targetKeyCellsThatAreNotJsonAreText() {
    assertThat(rows("q,target.label,target.half\nhi,good answer,\"{\"\"a\"\"\"\n"))
        .containsExactly(
            json(
                "{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"label\": \"good answer\", \"half\": \"{\\\"a\\\"\"}}"));
  }

  @Test
  void targetKeyCellsWithTextAfterTheJsonAreText() {
    assertThat(rows("q,target.score,target.flag\nhi,42 apples,true story\n"))
        .containsExactly(
            json(
                "{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"score\": \"42 apples\", \"flag\": \"true story\"}}"));
  }

  @Test
  void targetObjectFollowedByTextIsTheOutputText() {
    assertThat(rows("q,target\nhi,\"{\"\"a\"\": 1} and more\"\n"))
        .containsExactly(
            json(
                "{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"{\\\"a\\\": 1} and more\"}}"));
  }

  @Test
  void decimalsInTargetCellsKeepEveryDigit() {
    List<DatapointContent> rows =
        CsvRows.read(
            stream(
                "q,target.score,target\nhi,0.12345678901234567890,\"{\"\"p\"\": 3.14159265358979323846}\"\n"),
            NO_LIMIT);

    assertThat(rows.get(0).canonicalJson())
        .contains("0.1234567890123456789")
        .contains("3.14159265358979323846");
  }

  @Test
  void targetKeyColumnsApplyOverAJsonTargetAndWin() {
    assertThat(
            rows(
                "q,target.answer,target,target.extra\nhi,3,\"{\"\"answer\"\": 1, \"\"keep\"\": 2}\",more\n"))
        .containsExactly(
            json(
                "{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"answer\": 3, \"keep\": 2, \"extra\": \"more\"}}"));
  }

  @Test
  void targetKeyColumnsApplyOverATextTarget() {
    assertThat(rows("q,target,target.score\nhi,hello,1\n"))
        .containsExactly(
            json(
                "{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"hello\", \"score\": 1}}"));
  }

  @Test
  void targetKeyOutputReplacesTheTextTargetsOutput() {
    assertThat(rows("q,target,target.output\nhi,hello,bye\n"))
        .containsExactly(json("{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"bye\"}}"));
  }

  @Test
  void emptyTargetKeyCellSetsNothing() {
    assertThat(rows("q,target,target.score\none,hello,\ntwo,,\nthree,\"{\"\"score\"\": 7}\",\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"one\"}, \"target\": {\"output\": \"hello\"}}"),
            json("{\"inputs\": {\"q\": \"two\"}}"),
            json("{\"inputs\": {\"q\": \"three\"}, \"target\": {\"score\": 7}}"));
  }

  @Test
  void targetKeyColumnsAloneBuildATarget() {
    assertThat(rows("q,target.expected\nhi,bye\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"expected\": \"bye\"}}"));
  }

  // ---- messages ----

  @Test
  void messagesColumnHoldsAJsonArrayOfChatMessages() {
    assertThat(
            rows(
                "q,messages\nhi,\"[{\"\"role\"\": \"\"user\"\", \"\"content\"\": \"\"hello\"\"},"
                    + " {\"\"role\"\": \"\"assistant\"\", \"\"content\"\": null, \"\"tool_calls\"\": [{\"\"id\"\": \"\"c1\"\","
                    + " \"\"type\"\": \"\"function\"\", \"\"function\"\": {\"\"name\"\": \"\"f\"\", \"\"arguments\"\": \"\"{}\"\"}}]}]\"\n"))
        .containsExactly(
            json(
                """
            {"inputs": {"q": "hi"},
             "messages": [{"role": "user", "content": "hello"},
                          {"role": "assistant",
                           "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}]}"""));
  }

  @Test
  void emptyMessagesCellMeansNoMessages() {
    assertThat(rows("q,messages\nhi,\n")).containsExactly(json("{\"inputs\": {\"q\": \"hi\"}}"));
  }

  @Test
  void invalidJsonInMessagesIsRejectedNamingTheRow() {
    DatasetsException.Invalid invalid =
        invalid("q,messages\na,[]\nb,\"[{\"\"role\"\": \"\"user\"\"\"\n");

    assertNamesRow(invalid, 2);
  }

  @Test
  void messagesThatAreNotAnArrayAreRejected() {
    assertNamesRow(
        invalid("q,messages\na,\"{\"\"role\"\": \"\"user\"\", \"\"content\"\": \"\"x\"\"}\"\n"), 1);
    assertNamesRow(invalid("q,messages\na,hello\n"), 1);
  }

  @Test
  void messagesFollowedByTextAreRejectedNamingTheRow() {
    assertNamesRow(invalid("q,messages\na,[]\nb,[] and more\n"), 2);
  }

  @Test
  void messagesWithAnUnknownRoleAreRejectedNamingTheRow() {
    assertNamesRow(
        invalid(
            "q,messages\na,\nb,\nc,\"[{\"\"role\"\": \"\"robot\"\", \"\"content\"\": \"\"x\"\"}]\"\n"),
        3);
  }

  // ---- file format ----

  @Test
  void quotedFieldsKeepCommasNewlinesAndQuotes() {
    assertThat(rows("q,notes\n\"a, b\",\"line one\r\nline two\"\n\"say \"\"hi\"\"\",plain\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"a, b\", \"notes\": \"line one\\r\\nline two\"}}"),
            json("{\"inputs\": {\"q\": \"say \\\"hi\\\"\", \"notes\": \"plain\"}}"));
  }

  @Test
  void byteOrderMarkIsSkipped() {
    assertThat(rows("\uFEFFq,target\nhi,yo\n"))
        .containsExactly(json("{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"yo\"}}"));
  }

  @Test
  void byteOrderMarkBeforeATargetHeaderStillMakesItTheTarget() {
    assertThat(rows("\uFEFFtarget,q\nyo,hi\n"))
        .containsExactly(json("{\"inputs\": {\"q\": \"hi\"}, \"target\": {\"output\": \"yo\"}}"));
  }

  @Test
  void crlfLineEndingsAreNotPartOfTheCells() {
    assertThat(rows("q,r\r\none,1\r\ntwo,2\r\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"one\", \"r\": \"1\"}}"),
            json("{\"inputs\": {\"q\": \"two\", \"r\": \"2\"}}"));
  }

  @Test
  void emptyLinesAreSkipped() {
    assertThat(rows("q,r\n\none,1\r\n\r\n\ntwo,2\n\n\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"one\", \"r\": \"1\"}}"),
            json("{\"inputs\": {\"q\": \"two\", \"r\": \"2\"}}"));
  }

  @Test
  void aLineOfSpacesIsARowNotABlankLine() {
    assertThat(rows("q\none\n   \ntwo\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"one\"}}"),
            json("{\"inputs\": {\"q\": \"   \"}}"),
            json("{\"inputs\": {\"q\": \"two\"}}"));
  }

  @Test
  void lastRowWithoutANewlineIsRead() {
    assertThat(rows("q\none\ntwo"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"one\"}}"), json("{\"inputs\": {\"q\": \"two\"}}"));
  }

  @Test
  void rowsKeepTheFileOrderAndRepeats() {
    assertThat(rows("q\nb\na\nb\n"))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"b\"}}"),
            json("{\"inputs\": {\"q\": \"a\"}}"),
            json("{\"inputs\": {\"q\": \"b\"}}"));
  }

  @Test
  void headerOnlyFileHasNoRows() {
    assertThat(rows("q,target\n")).isEmpty();
    assertThat(rows("q,target")).isEmpty();
  }

  @Test
  void rowsWithTheSameContentAsAJsonDatapointAreTheSameDatapoint() {
    DatapointContent fromCsv = CsvRows.read(stream("q,target\nhi,yo\n"), NO_LIMIT).get(0);
    DatapointContent fromJson =
        DatapointContent.from(
            json(
                "{\"target\": {\"output\": \"yo\"}, \"inputs\": {\"q\": \"hi\"}, \"messages\": []}"),
            List.of("body"));

    assertThat(fromCsv).isEqualTo(fromJson);
  }

  // ---- malformed files ----

  @Test
  void emptyFileIsRejected() {
    DatasetsException.Invalid invalid = invalid("");

    assertThat(invalid.errors().get(0).location().get(0)).isEqualTo("body");
  }

  @Test
  void fileOfOnlyBlankLinesIsRejected() {
    invalid("\n\n\r\n");
  }

  @Test
  void rowWithMoreCellsThanTheHeaderIsRejectedNamingTheRow() {
    assertNamesRow(invalid("q,r\nb,1\nc,2\nd,3,extra\ne,4\n"), 3);
  }

  @Test
  void rowWithFewerCellsThanTheHeaderIsRejectedNamingTheRow() {
    assertNamesRow(invalid("q,r\nb,1\nc\n"), 2);
  }

  @Test
  void rowNumbersCountDataRowsNotBlankLinesSkippedBeforeThem() {
    // Rows are data rows; a message may also name the line, which here is line 5.
    DatasetsException.Invalid invalid = invalid("q,r\n\nb,1\n\nc,2,x\n");

    String message = invalid.errors().get(0).message();
    assertThat(message).containsPattern("(?i)\\b(row\\s*2|line\\s*5)\\b");
  }

  @Test
  void unterminatedQuotedFieldIsRejected() {
    DatasetsException.Invalid invalid = invalid("q,r\nb,1\nc,\"never closed\n");

    assertThat(invalid.errors().get(0).location().get(0)).isEqualTo("body");
  }

  @Test
  void duplicateHeaderNamesAreRejected() {
    DatasetsException.Invalid invalid = invalid("q,r,q\n1,2,3\n");

    assertThat(invalid.errors().get(0).location().get(0)).isEqualTo("body");
  }

  @Test
  void duplicateTargetHeadersAreRejected() {
    invalid("target,q,target\na,b,c\n");
  }

  @Test
  void fileThatIsNotUtf8IsRejected() {
    DatasetsException.Invalid invalid = invalid(latin1Csv());

    assertThat(invalid.errors().get(0).location().get(0)).isEqualTo("body");
  }

  @Test
  void fileThatIsNotUtf8IsRejectedNamingTheRow() {
    assertNamesRow(invalid(latin1Csv()), 3);
  }

  @Test
  void overlongEncodingIsRejectedNamingItsRow() {
    assertNotUtf8InRow(bytes("q\nok\nbad ", 0xE0, 0x80, 0x80, "\nok\n"), 2);
  }

  @Test
  void encodedSurrogateIsRejectedNamingItsRow() {
    assertNotUtf8InRow(bytes("q\nbad ", 0xED, 0xA0, 0x80, "\nok\n"), 1);
  }

  @Test
  void codePointAboveTheUnicodeRangeIsRejectedNamingItsRow() {
    assertNotUtf8InRow(bytes("q\nok\nok\nbad ", 0xF4, 0x90, 0x80, 0x80, "\n"), 3);
  }

  @Test
  void sequenceCutShortAtTheEndOfTheFileIsRejected() {
    assertNotUtf8InRow(bytes("q\nok\nbad ", 0xE2, 0x82), 2);
  }

  @Test
  void invalidByteInTheHeaderIsRejectedNamingTheHeader() {
    DatasetsException.Invalid invalid = invalid(bytes("q", 0xC0, 0xAF, "\nok\n"));

    assertThat(invalid.errors().get(0).message()).contains("header row");
  }

  /**
   * A valid character whose bytes straddle the decoder's read buffer is read whole, wherever it
   * falls.
   */
  @Test
  void multiByteCharacterAcrossTheReadBufferBoundaryIsAccepted() {
    for (int shift = 1; shift <= 3; shift++) {
      String filler = "y".repeat(StrictUtf8Reader.BUFFER_BYTES - "q\n".length() - shift);
      byte[] file =
          ("q\n" + filler + "\u20AC\n" + filler + "\uD83D\uDE00\n")
              .getBytes(StandardCharsets.UTF_8);

      assertThat(rows(file))
          .as("shift %d", shift)
          .containsExactly(
              json("{\"inputs\": {\"q\": \"" + filler + "\u20AC\"}}"),
              json("{\"inputs\": {\"q\": \"" + filler + "\uD83D\uDE00\"}}"));
    }
  }

  @Test
  void invalidSequenceAcrossTheReadBufferBoundaryIsRejectedNamingItsRow() {
    String rows = "q\n" + "a\n".repeat(100);
    String filler = "y".repeat(StrictUtf8Reader.BUFFER_BYTES - rows.length() - 2);
    // E0 80 80 with its first two bytes in the first buffer and its last one in the next.
    byte[] file = bytes(rows + filler, 0xE0, 0x80, 0x80, "\nok\n");

    assertNotUtf8InRow(file, 101);
  }

  /** A stream that hands out one byte per read puts every sequence across a read boundary. */
  @Test
  void validFileReadOneByteAtATimeIsAccepted() {
    byte[] file = "q\ncaf\u00e9\n\u20AC\n\uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8);
    InputStream trickle =
        new ByteArrayInputStream(file) {
          @Override
          public synchronized int read(byte[] buffer, int offset, int length) {
            return super.read(buffer, offset, Math.min(length, 1));
          }
        };

    assertThat(CsvRows.read(trickle, NO_LIMIT))
        .extracting(d -> json(d.canonicalJson()))
        .containsExactly(
            json("{\"inputs\": {\"q\": \"caf\u00e9\"}}"),
            json("{\"inputs\": {\"q\": \"\u20AC\"}}"),
            json("{\"inputs\": {\"q\": \"\uD83D\uDE00\"}}"));
  }

  @Test
  void fileOverTheLimitIsTooLarge() {
    byte[] file = ("q\n" + "y".repeat(98) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(file).hasSize(101);

    assertThat(
            catchThrowableOfType(
                DatasetsException.TooLarge.class,
                () -> CsvRows.read(new ByteArrayInputStream(file), 100)))
        .isNotNull();
  }

  @Test
  void fileExactlyAtTheLimitIsRead() {
    byte[] file = ("q\n" + "x".repeat(97) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(file).hasSize(100);

    assertThat(CsvRows.read(new ByteArrayInputStream(file), 100)).hasSize(1);
  }

  // ---- helpers ----

  /** Text and bytes in order: a String is written as UTF-8, an Integer as that one byte. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }

  private static List<JsonNode> rows(byte[] csv) {
    return CsvRows.read(new ByteArrayInputStream(csv), NO_LIMIT).stream()
        .map(d -> json(d.canonicalJson()))
        .toList();
  }

  /** Rejected as not UTF-8, naming exactly this data row. */
  private static void assertNotUtf8InRow(byte[] csv, int dataRow) {
    String message = invalid(csv).errors().get(0).message();
    assertThat(message).contains("not valid UTF-8").contains("row " + dataRow + " ");
  }

  private static List<JsonNode> rows(String csv) {
    return CsvRows.read(stream(csv), NO_LIMIT).stream().map(d -> json(d.canonicalJson())).toList();
  }

  private static DatasetsException.Invalid invalid(String csv) {
    return invalid(csv.getBytes(StandardCharsets.UTF_8));
  }

  private static DatasetsException.Invalid invalid(byte[] csv) {
    DatasetsException.Invalid invalid =
        catchThrowableOfType(
            DatasetsException.Invalid.class,
            () -> CsvRows.read(new ByteArrayInputStream(csv), NO_LIMIT));
    assertThat(invalid)
        .as("CSV should be rejected: %s", new String(csv, StandardCharsets.UTF_8))
        .isNotNull();
    return invalid;
  }

  /** The message names the row (see {@code TestData.rowMention}). */
  private static void assertNamesRow(DatasetsException.Invalid invalid, int dataRow) {
    assertThat(invalid.errors().get(0).message()).containsPattern(rowMention(dataRow));
  }

  private static ByteArrayInputStream stream(String csv) {
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }
}
