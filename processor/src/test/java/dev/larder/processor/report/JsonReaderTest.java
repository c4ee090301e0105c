package dev.larder.processor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

  @Test
  void readsObjectsArraysAndScalarsKeepingKeyOrder() {
    Object value = JsonReader.parse(
        " {\"b\": [1, -2, 3.5, 1e3, true, false, null], \"a\": {\"x\": \"y\"}, \"e\": {}} ");

    assertThat(value).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) value;
    assertThat(List.copyOf(map.keySet())).isEqualTo(List.of("b", "a", "e"));
    assertThat(map.get("b")).isEqualTo(Arrays.<Object>asList(
        1L, -2L, new BigDecimal("3.5"), new BigDecimal("1e3"), true, false, null));
    assertThat(map.get("a")).isEqualTo(Map.of("x", "y"));
    assertThat(map.get("e")).isEqualTo(Map.of());
  }

  @Test
  void readsEveryEscape() {
    assertThat(JsonReader.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\uDE00\""))
        .isEqualTo("\" \\ / \b \f \n \r \t é \ud83d\ude00");
  }

  @Test
  void integersTooLargeForALongAreReadExactly() {
    assertThat(JsonReader.parse("123456789012345678901234567890"))
        .isEqualTo(new BigDecimal("123456789012345678901234567890"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "{", "[1,]", "{\"a\":1,}", "{a:1}", "'x'", "\"unterminated", "01", "1.", "-", "1e",
      "tru", "nul", "[1 2]", "{\"a\" 1}", "\"\\x\"", "\"\\u12g4\"", "\"\\u１２３４\"",
      "\"tab\there\"", "1 2", "{\"a\":1}{"})
  void refusesWhatIsNotJson(String text) {
    assertThatThrownBy(() -> JsonReader.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON: ");
  }

  @Test
  void errorsNameTheLineAndColumn() {
    assertThatThrownBy(() -> JsonReader.parse("{\n  \"a\": 1,\n  \"a\": 2\n}"))
        .hasMessage("not JSON: duplicate key \"a\" at line 3, column 3");
    assertThatThrownBy(() -> JsonReader.parse("[\n1,\n  x]"))
        .hasMessage("not JSON: unexpected character 'x' at line 3, column 3");
  }
}
