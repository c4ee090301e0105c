package dev.larder.runtime;

/**
 * Which page of an offset-paged query to read: the parameter of a repository method returning
 * {@link Page}. Pages are numbered from 0, as list indexes are.
 *
 * <pre>{@code
 * Page<Product> first = products.pageByCategory("kitchen", PageRequest.of(0, 20).withTotal());
 * Page<Product> second = products.pageByCategory("kitchen", first.nextRequest());
 * }</pre>
 *
 * <p>The database still reads and skips every row before the page ({@code OFFSET}), so deep pages
 * get slower; for walking a long list use keyset paging ({@link CursorPage}), whose cost does not
 * depend on the position.
 *
 * @param page the page number, from 0
 * @param size the number of rows per page, from 1 to {@value #MAX_SIZE}
 * @param countTotal whether to also count every row of the query (one more query, cached with the
 *     page), for {@link Page#total()}
 */
public record PageRequest(int page, int size, boolean countTotal) {
  /** The largest page size: bigger pages belong to an export, not to paging. */
  public static final int MAX_SIZE = 1000;

  /**
   * Checks the page and size.
   *
   * @throws IllegalArgumentException if {@code page} is negative or {@code size} is not between 1
   *     and {@value #MAX_SIZE}; the message names which and the allowed range
   */
  public PageRequest {
    if (page < 0) {
      throw new IllegalArgumentException(
          "page must be between 0 and " + Integer.MAX_VALUE + " (pages are numbered from 0) but was "
              + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "size must be between 1 and " + MAX_SIZE + " but was " + size);
    }
  }

  /**
   * Returns page {@code page} of {@code size} rows, without the total.
   *
   * @throws IllegalArgumentException if {@code page} is negative or {@code size} is not between 1
   *     and {@value #MAX_SIZE}
   */
  public static PageRequest of(int page, int size) {
    return new PageRequest(page, size, false);
  }

  /** Returns this request asking for the total number of rows as well. */
  public PageRequest withTotal() {
    return new PageRequest(page, size, true);
  }

  /** Returns the request for the following page, with the same size and total setting. */
  public PageRequest next() {
    if (page == Integer.MAX_VALUE) {
      throw new IllegalStateException("page " + page + " is the last page number there is");
    }
    return new PageRequest(page + 1, size, countTotal);
  }

  /**
   * Returns the request for the page before this one.
   *
   * @throws IllegalStateException if this is page 0
   */
  public PageRequest previous() {
    if (page == 0) {
      throw new IllegalStateException("page 0 is the first page; there is no page before it");
    }
    return new PageRequest(page - 1, size, countTotal);
  }

  /** The number of rows before this page: {@code page * size}. */
  public long offset() {
    return (long) page * size;
  }
}
