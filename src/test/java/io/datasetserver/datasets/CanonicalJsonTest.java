package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {
  /** Reads floats as BigDecimal, as the server's mapper does. */
  private static final ObjectMapper EXACT =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** Reads floats as doubles, Jackson's default. */
  private static final ObjectMapper DOUBLES = new ObjectMapper();

  private static String canonical(String json) {
    try {
      return CanonicalJson.write(EXACT.readTree(json));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void sortsObjectKeysAtEveryLevel() {
    assertThat(canonical("{\"b\": 1, \"a\": {\"d\": [ {\"z\": 1, \"y\": 2} ], \"c\": 3}}"))
        .isEqualTo("{\"a\":{\"c\":3,\"d\":[{\"y\":2,\"z\":1}]},\"b\":1}");
  }

  @Test
  void keyOrderDoesNotChangeTheForm() {
    assertThat(canonical("{\"q\": \"x\", \"lang\": \"en\"}"))
        .isEqualTo(canonical("{\"lang\":\"en\",\"q\":\"x\"}"));
  }

  @Test
  void keepsArrayOrder() {
    assertThat(canonical("[3, 1, 2]")).isEqualTo("[3,1,2]");
    assertThat(canonical("[1, 2]")).isNotEqualTo(canonical("[2, 1]"));
  }

  @Test
  void writesNoWhitespaceOutsideStrings() {
    assertThat(canonical(" { \"a\" : [ 1 , \"b c\" ] ,\n \"d\" : null } "))
        .isEqualTo("{\"a\":[1,\"b c\"],\"d\":null}");
  }

  @Test
  void writesLiteralsAsThemselves() {
    assertThat(canonical("[true, false, null, \"\"]")).isEqualTo("[true,false,null,\"\"]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0|1",
        "1.50|1.5",
        "100.0|100",
        "1e2|100",
        "0.10|0.1",
        "-2.500|-2.5",
        "0|0",
        "-7|-7",
        "123456789012345678901234567890|123456789012345678901234567890"
      })
  void writesNumbersInTheirShortestExactForm(String spelled, String expected) {
    assertThat(canonical(spelled)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"1|1.0", "100|1e2", "0.5|5e-1", "12.5|12.50", "-3|-3.000"})
  void equalNumbersHaveOneForm(String one, String other) {
    assertThat(canonical(one)).isEqualTo(canonical(other));
  }

  @Test
  void largeIntegersEqualTheirExponentSpelling() {
    BigInteger tenToThe40 = BigInteger.TEN.pow(40);
    String asInteger = CanonicalJson.write(JsonNodeFactory.instance.numberNode(tenToThe40));
    String asDecimal =
        CanonicalJson.write(JsonNodeFactory.instance.numberNode(new BigDecimal("1E+40")));
    assertThat(asDecimal).isEqualTo(asInteger);
    assertThat(canonical("1e40")).isEqualTo(canonical(tenToThe40.toString()));
  }

  @Test
  void doublesAndExactDecimalsOfTheSameValueHaveOneForm() throws Exception {
    for (String number : new String[] {"0.1", "1.5", "100.0", "2.50", "-0.25"}) {
      assertThat(CanonicalJson.write(DOUBLES.readTree(number)))
          .as(number)
          .isEqualTo(CanonicalJson.write(EXACT.readTree(number)));
    }
  }

  @Test
  void distinctValuesStayDistinct() {
    assertThat(canonical("1")).isNotEqualTo(canonical("\"1\""));
    assertThat(canonical("{}")).isNotEqualTo(canonical("[]"));
    assertThat(canonical("{\"a\":null}")).isNotEqualTo(canonical("{}"));
    assertThat(canonical("0.1")).isNotEqualTo(canonical("0.10000000000000001"));
  }

  @Test
  void outputIsJsonThatReadsBackAsTheSameValue() throws Exception {
    String json =
        "{\"text\": \"quote \\\" backslash \\\\ newline \\n tab \\t unicode é ☃ \\u0001\","
            + " \"nested\": {\"list\": [1, 2.5, {\"k\": [true, null]}]}}";
    JsonNode original = EXACT.readTree(json);
    JsonNode roundTripped = EXACT.readTree(CanonicalJson.write(original));
    assertThat(roundTripped).isEqualTo(original);
  }

  @Test
  void sortsKeysByCharacterNotByInsertion() {
    assertThat(canonical("{\"b\":1,\"B\":2,\"a\":3,\"_\":4}"))
        .isEqualTo("{\"B\":2,\"_\":4,\"a\":3,\"b\":1}");
  }
}
