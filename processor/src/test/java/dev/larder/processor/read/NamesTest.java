package dev.larder.processor.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "id, id",
      "priceCents, price_cents",
      "createdAt, created_at",
      "httpURLValue, http_url_value",
      "httpURL, http_url",
      "URL, url",
      "sku2, sku2",
      "addressLine2, address_line2"})
  void componentNameBecomesSnakeCaseColumn(String component, String column) {
    assertThat(Names.column(component)).isEqualTo(column);
  }
}
