package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.CursorPage;
import dev.larder.runtime.Page;
import dev.larder.runtime.PageRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Page requests, page assembly, cache keys and codecs of offset pages. */
class PagingTest {
  private static final OffsetPaging PAGING = new OffsetPaging("ROWS", "COUNT");

  @Test
  void badPageOrSizeNamesWhichAndTheAllowedRange() {
    assertThatThrownBy(() -> PageRequest.of(-1, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page must be between 0 and 2147483647 (pages are numbered from 0) but was -1");
    assertThatThrownBy(() -> PageRequest.of(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be between 1 and 1000 but was 0");
    assertThatThrownBy(() -> PageRequest.of(0, 1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be between 1 and 1000 but was 1001");
    assertThatThrownBy(() -> PageRequest.of(0, 10).previous())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void offsetDoesNotOverflowOnTheLastPages() {
    assertThat(PageRequest.of(Integer.MAX_VALUE, 1000).offset())
        .isEqualTo(2_147_483_647_000L);
  }

  @Test
  void oneRowMoreThanThePageMeansThereIsANextPage() {
    Page<Integer> page = PAGING.page(PageRequest.of(1, 3), List.of(4, 5, 6, 7), () -> {
      throw new AssertionError("no count was asked for");
    });

    assertThat(page.content()).containsExactly(4, 5, 6);
    assertThat(page.hasNext()).isTrue();
    assertThat(page.hasPrevious()).isTrue();
    assertThat(page.total()).isEmpty();
    assertThat(page.nextRequest()).isEqualTo(PageRequest.of(2, 3));
  }

  @Test
  void lastPageTellsItsTotalWithoutCounting() {
    Page<Integer> page = PAGING.page(PageRequest.of(2, 3).withTotal(), List.of(7, 8), () -> {
      throw new AssertionError("the last page with rows knows the total");
    });

    assertThat(page.total()).hasValue(8);
    assertThat(page.totalPages()).hasValue(3);
    assertThat(page.hasNext()).isFalse();
    assertThatThrownBy(page::nextRequest).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void pagePastTheEndCountsForItsTotal() {
    Page<Integer> page = PAGING.page(PageRequest.of(9, 3).withTotal(), List.of(), () -> 8L);

    assertThat(page.content()).isEmpty();
    assertThat(page.total()).hasValue(8);
  }

  @Test
  void keyPartsOfDifferentRequestsDiffer() {
    assertThat(OffsetPaging.keyPart(PageRequest.of(2, 20))).isEqualTo("[page=2,size=20]");
    assertThat(OffsetPaging.keyPart(PageRequest.of(2, 20).withTotal()))
        .isEqualTo("[page=2,size=20,total]");
    assertThat(OffsetPaging.keyPart(PageRequest.of(20, 2)))
        .isNotEqualTo(OffsetPaging.keyPart(PageRequest.of(2, 20)));
  }

  @Test
  void pagesSurviveTheRedisCodec() throws IOException {
    ValueCodec<Page<String>> pages = PagingCodecs.page(Codecs.STRING);
    Page<String> page =
        new Page<>(Arrays.asList("a", null, "c"), 4, 3, true, OptionalLong.of(99));
    assertThat(roundTrip(pages, page)).isEqualTo(page);
    Page<String> noTotal = new Page<>(List.of(), 0, 3, false, OptionalLong.empty());
    assertThat(roundTrip(pages, noTotal)).isEqualTo(noTotal);

    ValueCodec<CursorPage<String>> cursorPages = PagingCodecs.cursorPage(Codecs.STRING);
    CursorPage<String> cursorPage = new CursorPage<>(List.of("x", "y"),
        new dev.larder.runtime.Cursor("next_1"), null);
    assertThat(roundTrip(cursorPages, cursorPage)).isEqualTo(cursorPage);
  }

  @Test
  void listsAndPagesReadFromRedisAreUnmodifiableAndKeepNulls() throws IOException {
    List<String> list = roundTrip(Codecs.list(Codecs.STRING), Arrays.asList("b", null, "a"));
    Page<String> page = roundTrip(PagingCodecs.page(Codecs.STRING),
        new Page<>(Arrays.asList("b", null), 0, 2, false, OptionalLong.empty()));
    CursorPage<String> cursorPage = roundTrip(PagingCodecs.cursorPage(Codecs.STRING),
        new CursorPage<>(List.of("b", "a"), null, null));

    assertThat(list).containsExactly("b", null, "a");
    assertThat(page.content()).containsExactly("b", null);
    for (List<String> content : List.of(list, page.content(), cursorPage.content())) {
      assertThatThrownBy(() -> content.sort(null))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  private static <T> T roundTrip(ValueCodec<T> codec, T value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    codec.write(new DataOutputStream(bytes), value);
    return codec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }
}
