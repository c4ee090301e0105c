package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One page of a keyset-paged query, as a repository method taking a {@link Cursor} and a limit
 * returns it.
 *
 * <pre>{@code
 * Cursor after = null;                                  // null: the first page
 * do {
 *   CursorPage<Product> page = products.byCategory("kitchen", after, 50);
 *   page.content().forEach(this::show);
 *   after = page.next();
 * } while (after != null);
 * }</pre>
 *
 * <p>Rows inserted or deleted between two pages never make the walk repeat or skip a row that
 * existed throughout: the next page starts after the sort values of this page's last row, not
 * after a number of rows.
 *
 * @param content the rows, at most the limit, in the order of the method's {@code @OrderBy}
 * @param next the cursor of the page after this one, or null when no row follows
 * @param previous the cursor of the page before this one, or null when no row precedes it (or
 *     this page was read without a cursor, and so is the first)
 * @param <T> the row type
 */
public record CursorPage<T>(List<T> content, Cursor next, Cursor previous) {

  /**
   * Copies the content.
   *
   * @throws NullPointerException if {@code content} is null
   */
  public CursorPage {
    content = List.copyOf(requireNonNull(content, "content"));
  }

  /** Whether a row follows this page: {@link #next()} is not null. */
  public boolean hasNext() {
    return next != null;
  }

  /** Whether a row precedes this page: {@link #previous()} is not null. */
  public boolean hasPrevious() {
    return previous != null;
  }
}
