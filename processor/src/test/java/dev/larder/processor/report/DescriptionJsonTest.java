package dev.larder.processor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.processor.report.RepositoryDescription.Read;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptionJsonTest {

  @Test
  void aDescriptionReadsBackEqualToWhatWasWritten() {
    RepositoryDescription catalog = Descriptions.catalog();

    assertThat(DescriptionJson.read(DescriptionJson.write(catalog))).isEqualTo(catalog);
  }

  @Test
  void oddTextInSqlAndTemplatesReadsBackExactly() {
    String sql = "SELECT \"quoted\", 'it''s', E'\\n', x || y\n  FROM t\t-- \u2028 € 🛒 \ud800";
    Read odd = new Read("odd", List.of(), "long", sql, "abcdef01", "k:\"{id}\"\\|`x`",
        List.of("tag:{id}|\"}", "</script>"), "PT1S", List.of());
    RepositoryDescription description = new RepositoryDescription("a.B", "B",
        Descriptions.CACHE, List.of(odd), List.of());

    String json = DescriptionJson.write(description);

    assertThat(DescriptionJson.read(json)).isEqualTo(description);
    assertThat(json).contains("\"sql\": \"SELECT \\\"quoted\\\", 'it''s', E'\\\\n', x || y\\n"
        + "  FROM t\\t-- \\u2028 € 🛒 \\ud800\"");
  }

  @Test
  void writingTwiceGivesTheSameText() {
    assertThat(DescriptionJson.write(Descriptions.catalog()))
        .isEqualTo(DescriptionJson.write(Descriptions.catalog()));
  }

  @Test
  void fieldsAReaderDoesNotKnowAreIgnored() {
    String json = DescriptionJson.write(Descriptions.catalog())
        .replace("\"format\": 1,", "\"format\": 1, \"addedLater\": {\"x\": [1]},");

    assertThat(DescriptionJson.read(json)).isEqualTo(Descriptions.catalog());
  }

  @Test
  void anotherFormatIsRefusedWithAHint() {
    String json = DescriptionJson.write(Descriptions.catalog())
        .replace("\"format\": 1", "\"format\": 2");

    assertThatThrownBy(() -> DescriptionJson.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"format\" is 2; rebuild with this version of Larder");
  }

  @Test
  void aMissingFieldIsNamed() {
    String json = DescriptionJson.write(Descriptions.catalog())
        .replace("\"key\": \"categories\",", "");

    assertThatThrownBy(() -> DescriptionJson.read(json))
        .hasMessage("the description: \"methods\"[2] has no \"key\"");
  }
}
