package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JsonConverter without a database: the mapper it writes with, and the errors it gives. The
 * runtime's tests have no jackson-datatype-jsr310, as an application may not.
 */
class JsonConverterTest {
  record Badge(String displayName, List<Integer> levels) {}

  record Visit(Instant at) {}

  static final class BadgeJson extends JsonConverter<Badge> {
    BadgeJson() {
      super(Badge.class);
    }

    BadgeJson(ObjectMapper mapper) {
      super(Badge.class, mapper);
    }
  }

  static final class VisitJson extends JsonConverter<Visit> {
    VisitJson() {
      super(Visit.class);
    }
  }

  @Test
  void theDefaultMapperWritesAndReadsARecordWithANestedList() {
    Badge badge = new Badge("Gold", List.of(1, 2));

    assertThat(new BadgeJson().toColumn(badge))
        .isEqualTo("{\"displayName\":\"Gold\",\"levels\":[1,2]}");
    assertThat(new BadgeJson().fromColumn("{\"levels\": [1, 2], \"displayName\": \"Gold\"}"))
        .isEqualTo(badge);
  }

  @Test
  void theApplicationsMapperIsTheOneUsed() {
    BadgeJson converter = new BadgeJson(
        new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));

    assertThat(converter.toColumn(new Badge("Gold", List.of())))
        .isEqualTo("{\"display_name\":\"Gold\",\"levels\":[]}");
    assertThat(converter.fromColumn("{\"display_name\":\"Gold\",\"levels\":[3]}"))
        .isEqualTo(new Badge("Gold", List.of(3)));
  }

  @Test
  void aValueJacksonCannotWriteIsAnErrorNamingTheTypeAndTheModuleToAdd() {
    assertThatThrownBy(() -> new VisitJson().toColumn(new Visit(Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot write a " + Visit.class.getName() + " as JSON: ")
        .hasMessageContaining("jackson-datatype-jsr310");
  }

  @Test
  void jsonThatIsNotTheTypeOrIsNullIsAnErrorNamingTheType() {
    assertThatThrownBy(() -> new BadgeJson().fromColumn("{\"levels\": \"many\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot read JSON as a " + Badge.class.getName() + ": ");
    assertThatThrownBy(() -> new BadgeJson().fromColumn("null"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read JSON null as a " + Badge.class.getName());
  }

  @Test
  void aMissingTypeOrMapperIsRefusedAtConstruction() {
    assertThatThrownBy(() -> new BadgeJson(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("mapper");
  }
}
