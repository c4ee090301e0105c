package dev.larder.processor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.processor.report.RepositoryDescription.Read;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  private final String report = MarkdownReport.render(Descriptions.catalog());

  @Test
  void everyReadHasARowWithItsKeyTagsTtlAndTheWritesInvalidatingIt() {
    assertThat(report).contains(
        "| `findById(long id)` | `product:{id}` | `product:{id}` | `PT10M` | `updatePrice` |",
        "| `list(long id)` | `products` | `products` | `PT10M` | `updatePrice`, `insertAll` |");
  }

  @Test
  void aReadNoWriteInvalidatesIsFlaggedInItsRowAndAtTheTop() {
    assertThat(report).contains("| `categories(long id)` | `categories` | `categories` | `PT10M`"
        + " | **no write** (stale until its TTL) |");
    assertThat(report).contains("> **Warning:** 1 read is invalidated by no write of"
        + " CatalogRepository, so its entries can only go stale until their TTL: `categories`.");
  }

  @Test
  void writesListTheirTagsTheReadsTheyInvalidateAndTheReasonForNone() {
    assertThat(report).contains(
        "| `updatePrice(Row row)` | `product:{row.id}`, `products` | `findById`, `list` |",
        "| `insertAll(List<Row> rows)` (batch) | `products` | `list` |",
        "| `purge()` | none: the audit log is never cached | none |");
  }

  @Test
  void transactionsShowTheirOptions() {
    assertThat(report).contains("| `moveAll(List<Long> ids)` | `move-all` | `SERIALIZABLE` | no"
        + " | 5 | `PT2S` | `55P03` |");
  }

  @Test
  void theGraphLinksWritesToTagsToReadsAndMatchesDifferentPlaceholders() {
    int start = report.indexOf("```mermaid");
    String graph = report.substring(start, report.indexOf("```\n", start + 3));

    assertThat(graph).contains(
        "graph LR",
        "  w0[\"updatePrice\"]:::write",
        "  t0([\"product:{row.id}\"]):::tag",
        "  t1([\"products\"]):::tag",
        "  t2([\"product:{id}\"]):::tag",
        "  r0[\"findById\"]:::read",
        "  r2[\"categories\"]:::stale",
        "  w0 --> t0",
        "  w0 --> t1",
        "  w1 --> t1",
        "  t0 -.-> t2",
        "  t2 --> r0",
        "  t1 --> r1");
    assertThat(graph).doesNotContain("w2 -->", "t1 -.->");
  }

  @Test
  void everyStatementIsShownWithItsFingerprint() {
    assertThat(report).contains("### `Optional<Product> findById(long id)`\n\nFingerprint"
        + " `00000008`.\n\n```sql\nSELECT * FROM product WHERE id = :id\n```");
  }

  @Test
  void codeSpansHoldBackticksAndPipesAndStayOnOneLine() {
    assertThat(MarkdownReport.code("a`b")).isEqualTo("``a`b``");
    assertThat(MarkdownReport.code("`x`")).isEqualTo("`` `x` ``");
    assertThat(MarkdownReport.code("a\n  b")).isEqualTo("`a b`");
    assertThat(MarkdownReport.cell(MarkdownReport.code("x || y"))).isEqualTo("`x \\|\\| y`");
  }

  @Test
  void oddTextCannotBreakTheTableOrTheDiagram() {
    Read odd = new Read("odd", List.of(), "long", "SELECT 1 -- ```\n```", "abcdef01",
        "k|\"{id}\"", List.of("t:\"{id}\"#<b>&`"), "PT1S", List.of());
    String text = MarkdownReport.render(new RepositoryDescription("a.B", "B",
        Descriptions.CACHE, List.of(odd), List.of()));

    assertThat(text).contains("| `odd()` | `k\\|\"{id}\"` | `` t:\"{id}\"#<b>&` `` | `PT1S` |");
    assertThat(text).contains("t0([\"t:#quot;{id}#quot;#35;#60;b#62;#38;#96;\"]):::tag");
    assertThat(text).contains("````sql\nSELECT 1 -- ```\n```\n````");
  }

  @Test
  void plainTextCannotStartMarkdownOrHtml() {
    assertThat(MarkdownReport.plain("a *b* <i>&amp; `c` [d](e)\nf"))
        .isEqualTo("a \\*b\\* \\<i\\>\\&amp; \\`c\\` \\[d\\](e) f");
  }

  @Test
  void renderingTwiceGivesTheSameText() {
    assertThat(MarkdownReport.render(Descriptions.catalog())).isEqualTo(report);
  }
}
