package io.datasetserver.api;

import io.datasetserver.datasets.DatasetsException.FieldError;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Reads query parameters as the generated interfaces declare them, so that the spec is the one
 * place for their enums and ranges: an enum generated from {@code api-spec/openapi.yaml} takes
 * exactly its values, and an integer its {@code minimum} / {@code maximum} (generated as
 * {@code @Min} / {@code @Max}; no bean-validation engine runs, this class is what checks them).
 * Defaults need nothing here: the generator writes them as {@code @DefaultValue}.
 *
 * <p>A refusal is a {@link Rejected}, which {@link ErrorMapper} turns into a 422 at the parameter's
 * location; a value that is not a number at all stays Jersey's parse error.
 */
public final class ContractParams implements ParamConverterProvider {
  private static final String GENERATED_MODELS = "io.datasetserver.generated.model";

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType.isEnum() && rawType.getPackageName().equals(GENERATED_MODELS)) {
      return (ParamConverter<T>) new EnumConverter(rawType);
    }
    if (rawType == Integer.class) {
      Long min = null;
      Long max = null;
      for (Annotation annotation : annotations) {
        if (annotation instanceof Min m) {
          min = m.value();
        } else if (annotation instanceof Max m) {
          max = m.value();
        }
      }
      if (min != null || max != null) {
        return (ParamConverter<T>) new RangeConverter(min, max);
      }
    }
    return null;
  }

  /**
   * A query value the contract does not allow; the location is the parameter's. Not an {@code
   * IllegalArgumentException}: Jersey would let that escape unwrapped from a list parameter, while
   * any other exception reaches the mapper inside a {@code ParamException} that names the
   * parameter.
   */
  public static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient FieldError error;

    Rejected(FieldError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }

    /** The error at the given location (e.g. {@code ["query", "sort_by"]}). */
    public FieldError at(List<Object> location) {
      return new FieldError(location, error.message(), error.type());
    }
  }

  /** A generated enum, by its wire value ({@code toString()} of each generated constant). */
  private static final class EnumConverter<E extends Enum<E>> implements ParamConverter<E> {
    private final E[] constants;
    private final List<String> values;

    EnumConverter(Class<E> type) {
      this.constants = type.getEnumConstants();
      this.values = Arrays.stream(constants).map(Object::toString).toList();
    }

    @Override
    public E fromString(String value) {
      if (value == null) {
        return null; // absent and without a default
      }
      int index = values.indexOf(value);
      if (index < 0) {
        throw new Rejected(FieldError.notOneOf(values, List.of()));
      }
      return constants[index];
    }

    @Override
    public String toString(E value) {
      return value.toString();
    }
  }

  private record RangeConverter(Long min, Long max) implements ParamConverter<Integer> {
    @Override
    public Integer fromString(String value) {
      if (value == null) {
        return null; // absent and without a default
      }
      int number = Integer.parseInt(value);
      if (min != null && number < min) {
        throw new Rejected(
            FieldError.of("Input should be greater than or equal to " + min, "greater_than_equal"));
      }
      if (max != null && number > max) {
        throw new Rejected(
            FieldError.of("Input should be less than or equal to " + max, "less_than_equal"));
      }
      return number;
    }

    @Override
    public String toString(Integer value) {
      return value.toString();
    }
  }
}
