package dev.larder.processor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.processor.report.RepositoryDescription.Parameter;
import dev.larder.processor.report.RepositoryDescription.Read;
import dev.larder.processor.report.RepositoryDescription.Write;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void everyReadHasARowWithTheWritesInvalidatingIt() {
    String page = HtmlReport.render(List.of(Descriptions.catalog()));

    assertThat(page).contains(
        "<tr id=\"shop.CatalogRepository.findById\"><td><code>findById(long id)</code></td>"
            + "<td><code>product:{id}</code></td><td><code>product:{id}</code></td>"
            + "<td><code>PT10M</code></td><td><code>updatePrice</code></td></tr>",
        "<td><code>updatePrice</code>, <code>insertAll</code></td></tr>");
  }

  @Test
  void aReadNoWriteInvalidatesIsFlaggedInItsRowAndInTheSummary() {
    String page = HtmlReport.render(List.of(Descriptions.catalog()));

    assertThat(page).contains("<tr id=\"shop.CatalogRepository.categories\" class=\"stale\">",
        "<span class=\"flag\">no write of CatalogRepository: stale until its TTL</span>",
        "<li><a href=\"#shop.CatalogRepository.categories\">CatalogRepository.categories</a>:"
            + " stale until its TTL (<code>PT10M</code>)</li>",
        "<span class=\"flag\">1 never invalidated</span>");
  }

  @Test
  void theMatrixMarksEachWriteThatInvalidatesARead() {
    String page = HtmlReport.render(List.of(Descriptions.catalog()));

    assertThat(page).contains("<tr><th>findById</th><td class=\"hit\" title=\"updatePrice"
        + " invalidates findById\">●</td><td></td><td></td></tr>");
    assertThat(page).contains("<tr class=\"stale\"><th>categories</th><td></td><td></td>"
        + "<td></td></tr>");
  }

  @Test
  void overloadsAreToldApartByTheirSignatureInTheMatrixAndTheirAnchors() {
    List<Parameter> id = List.of(new Parameter("id", "int"));
    List<Parameter> idAndLanguage =
        List.of(new Parameter("id", "int"), new Parameter("language", "java.lang.String"));
    RepositoryDescription books = new RepositoryDescription("shop.BookRepository",
        "BookRepository", Descriptions.CACHE, List.of(
            new Read("title", "title(int)", id, "java.lang.String", "SELECT 1", "0000000b",
                "t:{id}", List.of("book:{id}"), "PT10M", List.of("rename(int)")),
            new Read("title", "title(int, String)", idAndLanguage, "java.lang.String",
                "SELECT 2", "0000000c", "t:{id}:{language}", List.of("lang:{language}"), "PT10M",
                List.of("rename(String)")),
            new Write("rename", "rename(int)", id, "void", "UPDATE 1", "0000000d", false,
                List.of("book:{id}"), "", List.of("title(int)")),
            new Write("rename", "rename(String)",
                List.of(new Parameter("language", "java.lang.String")), "void", "UPDATE 2",
                "0000000e", false, List.of("lang:{language}"), "", List.of("title(int, String)"))),
        List.of());

    String page = HtmlReport.render(List.of(books));

    assertThat(page).contains("<tr id=\"shop.BookRepository.title(int, String)\">"
        + "<td><code>title(int id, String language)</code></td>");
    assertThat(page).contains("<th class=\"write\">rename(int)</th>"
        + "<th class=\"write\">rename(String)</th>");
    assertThat(page).contains("<tr><th>title(int, String)</th><td></td><td class=\"hit\""
        + " title=\"rename(String) invalidates title(int, String)\">●</td></tr>");
  }

  @Test
  void transactionsShowTheirOptions() {
    String page = HtmlReport.render(List.of(Descriptions.catalog()));

    assertThat(page).contains("<tr><td><code>moveAll(List&lt;Long&gt; ids)</code></td>"
        + "<td><code>move-all</code></td><td><code>SERIALIZABLE</code></td><td>no</td><td>5</td>"
        + "<td><code>PT2S</code></td><td><code>55P03</code></td></tr>");
  }

  @Test
  void writesOfOtherRepositoriesThatShareATagAreShown() {
    Write restock = new Write("restock", List.of(new Parameter("id", "long")), "void",
        "UPDATE stock SET n = n + 1 WHERE product_id = :id", "0000000a", false,
        List.of("product:{id}", "categories"), "", List.of());
    RepositoryDescription stock = new RepositoryDescription("shop.StockRepository",
        "StockRepository", Descriptions.CACHE, List.of(restock), List.of());

    String page = HtmlReport.render(List.of(Descriptions.catalog(), stock));

    assertThat(page).contains("<code>updatePrice</code><br><span class=\"other\">other"
        + " repositories: <code>StockRepository.restock</code></span>");
    assertThat(page).contains("CatalogRepository.categories</a>: stale until its TTL"
        + " (<code>PT10M</code>); only writes of other repositories invalidate it:"
        + " <code>StockRepository.restock</code>");
    assertThat(page).contains("<span class=\"other\">other repositories:"
        + " <code>CatalogRepository.findById</code>, <code>CatalogRepository.categories</code>"
        + "</span>");
  }

  @Test
  void textFromTheSourceIsEscaped() {
    Read odd = new Read("odd", List.of(), "long", "SELECT '<b>' & \"x\"", "abcdef01",
        "k:</td>{id}", List.of("t:'{id}'"), "PT1S", List.of());
    String page = HtmlReport.render(List.of(new RepositoryDescription("a.B", "B",
        Descriptions.CACHE, List.of(odd), List.of())));

    assertThat(page).contains("<code>k:&lt;/td&gt;{id}</code>", "<code>t:&#39;{id}&#39;</code>",
        "<pre>SELECT &#39;&lt;b&gt;&#39; &amp; &quot;x&quot;</pre>");
    assertThat(page).doesNotContain("<b>", "</td>{id}");
  }

  @Test
  void thePageIsSelfContained() {
    String page = HtmlReport.render(List.of(Descriptions.catalog()));

    assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .doesNotContain("<script", "<link", "src=", "http://", "https://");
  }

  @Test
  void noRepositoriesGiveAPageThatSaysSo() {
    assertThat(HtmlReport.render(List.of()))
        .contains("0 repositories, 0 reads, 0 writes", "No repository descriptions were found");
  }
}
