package dev.larder.processor.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbiTextTest {
  /** What each of JDBI's two passes does to an escape: one backslash before a character goes. */
  private static String afterJdbi(String text) {
    return unescapeOnce(unescapeOnce(text));
  }

  private static String unescapeOnce(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(text.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void ordinarySqlIsUnchanged() {
    String sql = "SELECT id, 'it''s' AS \"odd:name\" /* note: ? */ FROM t"
        + " WHERE id = :id AND at::date < :day AND price / 2 <> 3";
    assertThat(JdbiText.of(sql)).isEqualTo(sql);
  }

  @Test
  void questionMarkOperatorsAreDoubledForPgjdbc() {
    assertThat(JdbiText.of("WHERE m ? 'a' AND m ?| :keys AND m ?& :all AND d @? '$.x'"))
        .isEqualTo("WHERE m ?? 'a' AND m ??| :keys AND m ??& :all AND d @?? '$.x'");
  }

  @Test
  void sliceColonsAreEscaped() {
    String text = JdbiText.of("SELECT a[1:2] FROM t");
    assertThat(text).isEqualTo("SELECT a[1\\\\\\:2] FROM t");
    assertThat(afterJdbi(text)).isEqualTo("SELECT a[1:2] FROM t");
  }

  @Test
  void bodiesJdbiWouldMisreadAreEscapedAndComeOutAsWritten() {
    String sql = "SELECT $$ it's :x ? $$, E'a\\\\' || :y, 'C:\\\\', -- it's :z ?\n"
        + " 1 /* a /* :b */ */ FROM t WHERE id = :id";
    String text = JdbiText.of(sql);
    assertThat(afterJdbi(text)).isEqualTo(sql);
    assertThat(text).contains(":y").contains("WHERE id = :id").doesNotContain(" :x ")
        .doesNotContain(" :z ").doesNotContain(" :b");
  }

  @Test
  void safeBodiesAreKeptAsWritten() {
    String sql = "SELECT $$plain$$, $t$ also plain $t$, 'x' FROM t -- done\n";
    assertThat(JdbiText.of(sql)).isEqualTo(sql);
  }
}
