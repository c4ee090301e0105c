package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * One page of an offset-paged query, as a repository method taking a {@link PageRequest}
 * returns it.
 *
 * @param content the rows of the page, at most {@code size}, in the query's order
 * @param page the page number, from 0
 * @param size the page size that was asked for
 * @param hasNext whether at least one row follows this page (known without counting: the query
 *     asks for one row more than the page holds)
 * @param total the number of rows of the whole query, when the request asked for it
 *     ({@link PageRequest#withTotal()}), else empty
 * @param <T> the row type
 */
public record Page<T>(List<T> content, int page, int size, boolean hasNext, OptionalLong total) {

  /**
   * Copies the content, which may hold nulls (a page of a nullable scalar column).
   *
   * @throws NullPointerException if {@code content} or {@code total} is null
   */
  public Page {
    content = Collections.unmodifiableList(new ArrayList<>(requireNonNull(content, "content")));
    requireNonNull(total, "total");
  }

  /** Whether there is a page before this one (this is not page 0). */
  public boolean hasPrevious() {
    return page > 0;
  }

  /**
   * Returns the request for the following page.
   *
   * @throws IllegalStateException if there is no following page
   */
  public PageRequest nextRequest() {
    if (!hasNext) {
      throw new IllegalStateException("page " + page + " is the last page");
    }
    return new PageRequest(page + 1, size, total.isPresent());
  }

  /** The number of pages of {@code size} rows, when the total was asked for, else empty. */
  public OptionalLong totalPages() {
    return total.isPresent() ? OptionalLong.of((total.getAsLong() + size - 1) / size)
        : OptionalLong.empty();
  }
}
