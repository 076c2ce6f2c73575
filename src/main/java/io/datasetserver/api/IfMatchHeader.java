package io.datasetserver.api;

import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.datasets.Precondition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code If-Match} (RFC 9110 §13.1.1): {@code *}, or a comma-separated list of entity tags
 * {@code "TOKEN"} / {@code W/"TOKEN"}. Weak tags are accepted and never match (If-Match compares
 * strongly). Anything else, an empty value included, is a 422: a client that meant to send a
 * condition must not get an unconditional write.
 */
final class IfMatchHeader {
  static final String NAME = "If-Match";
  private static final List<Object> LOCATION = List.of("header", "if-match");

  private IfMatchHeader() {}

  /**
   * @param values every {@code If-Match} field of the request (null or empty: no condition)
   */
  static Precondition parse(List<String> values) {
    if (values == null || values.isEmpty()) {
      return Precondition.NONE;
    }
    String value = String.join(",", values).strip();
    if (value.equals("*")) {
      return Precondition.ANY;
    }
    Set<String> strong = new HashSet<>();
    boolean any = false;
    int i = 0;
    int n = value.length();
    while (i < n) {
      char c = value.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      boolean weak = value.startsWith("W/", i);
      int open = weak ? i + 2 : i;
      if (open >= n || value.charAt(open) != '"') {
        throw malformed();
      }
      int close = open + 1;
      while (close < n && isTagChar(value.charAt(close))) {
        close++;
      }
      if (close >= n || value.charAt(close) != '"') {
        throw malformed();
      }
      if (!weak) {
        strong.add(value.substring(open + 1, close));
      }
      any = true;
      i = close + 1;
      while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
        i++;
      }
      if (i < n && value.charAt(i) != ',') {
        throw malformed();
      }
    }
    if (!any) {
      throw malformed();
    }
    return Precondition.oneOf(strong);
  }

  /** etagc: any visible character but the double quote, or obs-text. */
  private static boolean isTagChar(char c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
  }

  private static DatasetsException.Invalid malformed() {
    return new DatasetsException.Invalid(
        new FieldError(
            LOCATION,
            "If-Match must be * or a comma-separated list of quoted ETags such as \"abc123\"",
            "value_error"));
  }
}
