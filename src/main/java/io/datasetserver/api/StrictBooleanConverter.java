package io.datasetserver.api;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Set;

/**
 * Boolean query parameters accept the spellings the original API accepts and refuse the rest with
 * 422, instead of JAX-RS's default where anything but "true" silently means false.
 */
public final class StrictBooleanConverter implements ParamConverterProvider {
  private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on", "t");
  private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "off", "f");

  private static final ParamConverter<Boolean> CONVERTER =
      new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
          String normalized = value.trim().toLowerCase(Locale.ROOT);
          if (TRUE.contains(normalized)) {
            return true;
          }
          if (FALSE.contains(normalized)) {
            return false;
          }
          throw new IllegalArgumentException("not a boolean: " + value);
        }

        @Override
        public String toString(Boolean value) {
          return value.toString();
        }
      };

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    return rawType == Boolean.class || rawType == boolean.class
        ? (ParamConverter<T>) CONVERTER
        : null;
  }
}
