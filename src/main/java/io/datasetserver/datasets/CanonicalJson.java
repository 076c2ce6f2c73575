package io.datasetserver.datasets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One spelling for each JSON value: object keys sorted, no whitespace, numbers written in their
 * shortest exact form (so {@code 1.0} and {@code 1} are the same value). Content identity and
 * content-derived ids are computed over this form.
 */
public final class CanonicalJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private CanonicalJson() {}

  public static String write(JsonNode value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(value, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonNode value, JsonGenerator out) throws IOException {
    switch (value.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(value.properties());
        fields.sort(Map.Entry.comparingByKey());
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> field : fields) {
          out.writeFieldName(field.getKey());
          write(field.getValue(), out);
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode element : value) {
          write(element, out);
        }
        out.writeEndArray();
      }
      case NUMBER -> writeNumber(value, out);
      case STRING -> out.writeString(value.textValue());
      case BOOLEAN -> out.writeBoolean(value.booleanValue());
      default -> out.writeNull();
    }
  }

  /**
   * Integral values of up to 30 digits as plain integers, every other number in BigDecimal's form.
   */
  private static void writeNumber(JsonNode value, JsonGenerator out) throws IOException {
    BigDecimal decimal =
        value.isIntegralNumber()
            ? new BigDecimal(value.bigIntegerValue()).stripTrailingZeros()
            : value.decimalValue().stripTrailingZeros();
    if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 30) {
      out.writeNumber(decimal.toBigIntegerExact());
    } else {
      out.writeNumber(decimal);
    }
  }
}
