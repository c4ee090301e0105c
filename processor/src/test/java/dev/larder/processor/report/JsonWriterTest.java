package dev.larder.processor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void quoteEscapesQuotesBackslashesAndControlCharacters() {
    assertThat(JsonWriter.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(JsonWriter.quote("C:\\temp\\")).isEqualTo("\"C:\\\\temp\\\\\"");
    assertThat(JsonWriter.quote("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
    assertThat(JsonWriter.quote("\u0000\u0001\u001f\u007f"))
        .isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
  }

  @Test
  void quoteEscapesTheLineSeparatorsJavaScriptRejects() {
    assertThat(JsonWriter.quote("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
  }

  @Test
  void quoteKeepsTextOutsideAsciiAndSurrogatePairsAsTheyAre() {
    assertThat(JsonWriter.quote("prix en €, 価格, 🛒")).isEqualTo("\"prix en €, 価格, 🛒\"");
  }

  @Test
  void quoteEscapesUnpairedSurrogatesWhichUtf8CannotEncode() {
    assertThat(JsonWriter.quote("x\ud83dy")).isEqualTo("\"x\\ud83dy\"");
    assertThat(JsonWriter.quote("\ude00")).isEqualTo("\"\\ude00\"");
    assertThat(JsonWriter.quote("\ude00\ud83d")).isEqualTo("\"\\ude00\\ud83d\"");
  }

  @Test
  void quoteLeavesSlashesAndSqlPunctuationAlone() {
    String sql = "SELECT '{a}' || name /* x */ FROM t WHERE note LIKE '%\\_%' -- </script>";

    assertThat(JsonWriter.quote(sql)).isEqualTo(
        "\"SELECT '{a}' || name /* x */ FROM t WHERE note LIKE '%\\\\_%' -- </script>\"");
  }

  @Test
  void everyCharacterSurvivesAWriteAndARead() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      all.append(c);
    }
    String text = all.toString();

    String json = JsonWriter.write(Map.of("text", text));

    assertThat(JsonReader.parse(json)).isEqualTo(Map.of("text", text));
    // Nothing a UTF-8 encoder would replace with '?'.
    assertThat(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo(json);
  }

  @Test
  void objectsAndArraysOfScalarsStayOnOneLineAndTheRestIsIndented() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", "findById");
    root.put("tags", List.of("product:{id}", "products"));
    root.put("empty", List.of());
    root.put("parameters", List.of(ordered("name", "id", "type", "long")));
    root.put("none", null);
    root.put("count", 3);
    root.put("big", 1L << 40);
    root.put("batch", false);

    assertThat(JsonWriter.write(root)).isEqualTo("""
        {
          "name": "findById",
          "tags": ["product:{id}", "products"],
          "empty": [],
          "parameters": [
            {"name": "id", "type": "long"}
          ],
          "none": null,
          "count": 3,
          "big": 1099511627776,
          "batch": false
        }
        """);
  }

  @Test
  void keysKeepTheMapsOrder() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", 2);

    assertThat(JsonWriter.write(map)).isEqualTo("{\"z\": 1, \"a\": 2}\n");
  }

  @Test
  void valuesJsonCannotHoldExactlyAreRefused() {
    assertThatThrownBy(() -> JsonWriter.write(List.of(1.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Double");
    assertThatThrownBy(() -> JsonWriter.write(Map.of(1, "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys are strings");
  }

  @Test
  void nullElementsAreWrittenAsNull() {
    List<Object> list = new ArrayList<>(Arrays.asList("a", null));

    assertThat(JsonWriter.write(list)).isEqualTo("[\"a\", null]\n");
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }
}
