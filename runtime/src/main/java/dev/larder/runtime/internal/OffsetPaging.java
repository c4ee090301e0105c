package dev.larder.runtime.internal;

import static java.util.Objects.requireNonNull;

import dev.larder.runtime.Page;
import dev.larder.runtime.PageRequest;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The statements of an offset-paged read, which the processor derives from the method's SQL: the
 * rows ({@code <sql> LIMIT :larder_limit OFFSET :larder_offset}, asking for one row more than a
 * page to learn whether another page follows) and the total ({@code SELECT count(*) FROM (<sql>)},
 * without its trailing {@code ORDER BY}). Generated code creates one constant per method
 * returning {@link Page}.
 *
 * @param rowsSql the statement reading a page
 * @param countSql the statement counting every row
 */
public record OffsetPaging(String rowsSql, String countSql) {
  /** The SQL name the processor uses for the number of rows to read. */
  public static final String LIMIT = "larder_limit";
  /** The SQL name the processor uses for the number of rows to skip. */
  public static final String OFFSET = "larder_offset";

  public OffsetPaging {
    requireNonNull(rowsSql, "rowsSql");
    requireNonNull(countSql, "countSql");
  }

  /**
   * Checks the page request argument of a generated method.
   *
   * @throws IllegalArgumentException if it is null
   */
  public static PageRequest require(RepositoryMethod method, String parameter, PageRequest request) {
    if (request == null) {
      throw new IllegalArgumentException(method.qualifiedName() + ": " + parameter
          + " is null; pass PageRequest.of(page, size), pages numbered from 0");
    }
    return request;
  }

  /**
   * The part a page request adds to a cache key, {@code [page=2,size=20]} or
   * {@code [page=2,size=20,total]}: made of characters that encoded argument values never hold,
   * so two requests never share an entry.
   */
  public static String keyPart(PageRequest request) {
    return "[page=" + request.page() + ",size=" + request.size()
        + (request.countTotal() ? ",total]" : "]");
  }

  /** Binds the limit (a page and one row) and the offset of {@code request}. */
  public <S extends SqlStatement<S>> S bind(S statement, PageRequest request) {
    return statement.bind(LIMIT, request.size() + 1).bind(OFFSET, request.offset());
  }

  /** Runs the count statement, whose arguments the caller has bound. */
  public long count(Query count) {
    return count.map((rs, context) -> rs.getLong(1)).one();
  }

  /**
   * Builds the page from the rows read (up to one more than the page) and, when the request asks
   * for it, the count.
   */
  public <T> Page<T> page(PageRequest request, List<T> rows, LongSupplier count) {
    boolean hasNext = rows.size() > request.size();
    List<T> content = hasNext ? rows.subList(0, request.size()) : rows;
    OptionalLong total = OptionalLong.empty();
    if (request.countTotal()) {
      // A last page with rows, or an empty first page, tells the total without counting; an
      // empty page past the end does not.
      total = !hasNext && (!content.isEmpty() || request.page() == 0)
          ? OptionalLong.of(request.offset() + content.size())
          : OptionalLong.of(count.getAsLong());
    }
    return new Page<>(content, request.page(), request.size(), hasNext, total);
  }
}
