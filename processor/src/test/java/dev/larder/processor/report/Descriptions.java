package dev.larder.processor.report;

import dev.larder.processor.report.RepositoryDescription.Cache;
import dev.larder.processor.report.RepositoryDescription.Parameter;
import dev.larder.processor.report.RepositoryDescription.Read;
import dev.larder.processor.report.RepositoryDescription.Transactional;
import dev.larder.processor.report.RepositoryDescription.Write;
import java.util.List;

/** Descriptions written by hand, for the tests of what is made from them. */
final class Descriptions {
  private Descriptions() {}

  static final Cache CACHE = new Cache("PT10M", "PT30S", "PT0S", "NEAR");

  /**
   * A catalog: {@code findById} invalidated by {@code updatePrice} through a different
   * placeholder, {@code list} by both writes, {@code categories} by none.
   */
  static RepositoryDescription catalog() {
    return new RepositoryDescription("shop.CatalogRepository", "CatalogRepository", CACHE, List.of(
        read("findById", "product:{id}", List.of("product:{id}"), "updatePrice"),
        read("list", "products", List.of("products"), "updatePrice", "insertAll"),
        read("categories", "categories", List.of("categories")),
        new Write("updatePrice", List.of(new Parameter("row", "shop.Row")), "int",
            "UPDATE product SET price_cents = :priceCents WHERE id = :id", "00000004", false,
            List.of("product:{row.id}", "products"), "", List.of("findById", "list")),
        new Write("insertAll", List.of(new Parameter("rows", "java.util.List<shop.Row>")), "int",
            "INSERT INTO product (id) VALUES (:id)", "00000005", true,
            List.of("products"), "", List.of("list")),
        new Write("purge", List.of(), "void", "DELETE FROM audit", "00000006", false,
            List.of(), "the audit log is never cached", List.of())),
        List.of(new Transactional("moveAll",
            List.of(new Parameter("ids", "java.util.List<java.lang.Long>")), "int", "move-all",
            "SERIALIZABLE", false, 5, "PT2S", List.of("55P03"))));
  }

  static Read read(String name, String key, List<String> tags, String... invalidatedBy) {
    return new Read(name, List.of(new Parameter("id", "long")),
        "java.util.Optional<shop.Product>", "SELECT * FROM product WHERE id = :id",
        "0000000" + name.length(), key, tags, "PT10M", List.of(invalidatedBy));
  }
}
