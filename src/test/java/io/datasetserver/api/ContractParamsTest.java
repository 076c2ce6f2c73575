package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.generated.api.DatasetsApi;
import io.datasetserver.generated.model.FileSortBy;
import io.datasetserver.generated.model.SortOrder;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query values are checked against what the generated interfaces carry from the spec. */
class ContractParamsTest {
  private final ContractParams params = new ContractParams();

  @Test
  void pageBelowOneIsRefusedAsTheSpecsMinimum() {
    ParamConverter<Integer> page = converter("listDatasets", "page");
    assertThat(page.fromString("1")).isEqualTo(1);
    assertRejected(
        () -> page.fromString("0"),
        "Input should be greater than or equal to 1",
        "greater_than_equal");
    assertRejected(
        () -> page.fromString("-5"),
        "Input should be greater than or equal to 1",
        "greater_than_equal");
  }

  @Test
  void sizeOutsideZeroToOneThousandIsRefusedAsTheSpecsRange() {
    ParamConverter<Integer> size = converter("listDatapoints", "size");
    assertThat(size.fromString("0")).isZero();
    assertThat(size.fromString("1000")).isEqualTo(1000);
    assertRejected(
        () -> size.fromString("-1"),
        "Input should be greater than or equal to 0",
        "greater_than_equal");
    assertRejected(
        () -> size.fromString("1001"),
        "Input should be less than or equal to 1000",
        "less_than_equal");
  }

  @Test
  void aValueThatIsNoNumberStaysAParseError() {
    ParamConverter<Integer> size = converter("listDatasets", "size");
    assertThatThrownBy(() -> size.fromString("ten"))
        .isInstanceOf(NumberFormatException.class)
        .isNotInstanceOf(ContractParams.Rejected.class);
  }

  @Test
  void anEnumTakesExactlyTheSpecsValuesAndNamesThemWhenRefusing() {
    ParamConverter<FileSortBy> sortBy = converter("listDatasets", "sort_by");
    assertThat(sortBy.fromString("updated_at")).isEqualTo(FileSortBy.UPDATED_AT);
    assertRejected(
        () -> sortBy.fromString("UPDATED_AT"),
        "Input should be 'created_at', 'updated_at' or 'name'",
        "enum");
    assertRejected(
        () -> sortBy.fromString(""),
        "Input should be 'created_at', 'updated_at' or 'name'",
        "enum");
    ParamConverter<SortOrder> order = converter("listDatasets", "order");
    assertRejected(() -> order.fromString("up"), "Input should be 'asc' or 'desc'", "enum");
  }

  @Test
  void parametersWithoutAContractRuleKeepJerseysConversion() {
    Parameter name = parameter("listDatasets", "name");
    assertThat(params.getConverter(String.class, String.class, name.getAnnotations())).isNull();
    assertThat(
            params.getConverter(
                Integer.class, Integer.class, new java.lang.annotation.Annotation[0]))
        .isNull();
  }

  @SuppressWarnings("unchecked")
  private <T> ParamConverter<T> converter(String operation, String query) {
    Parameter parameter = parameter(operation, query);
    ParamConverter<T> converter =
        (ParamConverter<T>)
            params.getConverter(
                parameter.getType(), parameter.getParameterizedType(), parameter.getAnnotations());
    assertThat(converter).as("converter for %s of %s", query, operation).isNotNull();
    return converter;
  }

  private static Parameter parameter(String operation, String query) {
    Method method =
        Arrays.stream(DatasetsApi.class.getMethods())
            .filter(m -> m.getName().equals(operation))
            .findFirst()
            .orElseThrow();
    return Arrays.stream(method.getParameters())
        .filter(
            p ->
                p.isAnnotationPresent(QueryParam.class)
                    && p.getAnnotation(QueryParam.class).value().equals(query))
        .findFirst()
        .orElseThrow();
  }

  private static void assertRejected(Runnable conversion, String message, String type) {
    assertThatThrownBy(conversion::run)
        .isInstanceOfSatisfying(
            ContractParams.Rejected.class,
            e -> {
              FieldError error = e.at(List.of("query", "x"));
              assertThat(error.message()).isEqualTo(message);
              assertThat(error.type()).isEqualTo(type);
              assertThat(error.location()).containsExactly("query", "x");
            });
  }
}
