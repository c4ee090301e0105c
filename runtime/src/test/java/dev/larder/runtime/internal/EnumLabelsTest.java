package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumLabelsTest {
  private enum Rating { G, PG_13, QUOTED }

  /** As the processor writes them for {@code @EnumLabel("PG-13") PG_13}. */
  private static final EnumLabels<Rating> LABELS = new EnumLabels<>("Rating",
      constant -> switch (constant) {
        case PG_13 -> "PG-13";
        case QUOTED -> "say \"hi\" \\ {x,y}";
        default -> constant.name();
      },
      label -> switch (label) {
        case "G" -> Rating.G;
        case "PG-13" -> Rating.PG_13;
        case "say \"hi\" \\ {x,y}" -> Rating.QUOTED;
        default -> null;
      });

  @Test
  void labelsAndConstantsMapBothWaysAndNullStaysNull() {
    assertThat(LABELS.label(Rating.PG_13)).isEqualTo("PG-13");
    assertThat(LABELS.label(Rating.G)).isEqualTo("G");
    assertThat(LABELS.label(null)).isNull();
    assertThat(LABELS.constant("PG-13")).isEqualTo(Rating.PG_13);
    assertThat(LABELS.constant(null)).isNull();
    assertThat(LABELS.labels(Arrays.asList(Rating.PG_13, null))).containsExactly("PG-13", null);
    assertThat(LABELS.labels(null)).isNull();
  }

  @Test
  void anUnknownLabelNamesTheLabelAndTheEnum() {
    assertThatThrownBy(() -> LABELS.constant("PG_13"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'PG_13' is not the label of a constant of enum Rating");
  }

  @Test
  void arrayLiteralsQuoteEveryLabelAndWriteNullsBare() {
    assertThat(LABELS.arrayLiteral(List.of())).isEqualTo("{}");
    assertThat(LABELS.arrayLiteral(Arrays.asList(Rating.G, null, Rating.PG_13)))
        .isEqualTo("{\"G\",NULL,\"PG-13\"}");
    assertThat(LABELS.arrayLiteral(List.of(Rating.QUOTED)))
        .isEqualTo("{\"say \\\"hi\\\" \\\\ {x,y}\"}");
    assertThat(LABELS.arrayLiteral(null)).isNull();
  }

  @Test
  void theCodecWritesLabelsAndReadsThemBack() throws IOException {
    for (Rating rating : Arrays.asList(Rating.G, Rating.PG_13, Rating.QUOTED, null)) {
      assertThat(roundTrip(rating)).isEqualTo(rating);
    }
  }

  @Test
  void aCachedLabelNoConstantHasAnyMoreIsACorruptEntry() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Codecs.writeString(new DataOutputStream(bytes), "X");

    assertThatThrownBy(() -> LABELS.read(
            new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'X' is no longer a label of enum Rating");
  }

  private static Rating roundTrip(Rating rating) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LABELS.codec().write(new DataOutputStream(bytes), rating);
    return LABELS.codec().read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }
}
