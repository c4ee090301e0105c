package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class LarderBuilderTest {

  @Test
  void nullArgumentsAreRefusedNamingTheArgument() {
    LarderBuilder builder = Larder.builder();
    assertThatThrownBy(() -> builder.dataSource(null))
        .isInstanceOf(NullPointerException.class).hasMessage("dataSource");
    assertThatThrownBy(() -> builder.jdbcUrl(null))
        .isInstanceOf(NullPointerException.class).hasMessage("jdbcUrl");
    assertThatThrownBy(() -> builder.databaseUrl(null))
        .isInstanceOf(NullPointerException.class).hasMessage("databaseUrl");
    assertThatThrownBy(() -> builder.username(null))
        .isInstanceOf(NullPointerException.class).hasMessage("username");
    assertThatThrownBy(() -> builder.password(null))
        .isInstanceOf(NullPointerException.class).hasMessage("password");
    assertThatThrownBy(() -> builder.poolName(null))
        .isInstanceOf(NullPointerException.class).hasMessage("poolName");
    assertThatThrownBy(() -> builder.environment(null))
        .isInstanceOf(NullPointerException.class).hasMessage("environment");
  }

  @Test
  void nonPostgresJdbcUrlIsRefusedNamingTheArgumentWithoutThePassword() {
    assertThatThrownBy(() -> Larder.builder().jdbcUrl("jdbc:mysql://db/shop?password=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbcUrl must start with jdbc:postgresql:")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void poolSizeOutsideOneToThousandIsRefusedNamingTheArgument() {
    assertThatThrownBy(() -> Larder.builder().maximumPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumPoolSize").hasMessageContaining("0");
    assertThatThrownBy(() -> Larder.builder().maximumPoolSize(1001))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumPoolSize");
  }

  @Test
  void blankPoolNameIsRefusedNamingTheArgument() {
    assertThatThrownBy(() -> Larder.builder().poolName("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolName");
  }

  @Test
  void unknownDatabaseUrlSchemeIsRefused() {
    assertThatThrownBy(() -> Larder.builder().databaseUrl("mysql://u:secret@db/shop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown scheme")
        .hasMessageNotContaining("secret");
  }

  @Test
  void environmentWithoutDatabaseUrlSaysWhatToSet() {
    assertThatThrownBy(() -> Larder.builder().environment(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DATABASE_URL is not set");
  }

  @Test
  void environmentErrorsNameTheVariable() {
    assertThatThrownBy(() -> Larder.builder().environment(Map.of("DATABASE_URL", "redis://cache:6379")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("DATABASE_URL: ");
    assertThatThrownBy(() -> Larder.builder().environment(
        Map.of("DATABASE_URL", "postgres://db/shop", "DATABASE_POOL_SIZE", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATABASE_POOL_SIZE").hasMessageContaining("many");
    assertThatThrownBy(() -> Larder.builder().environment(
        Map.of("DATABASE_URL", "postgres://db/shop", "DATABASE_POOL_SIZE", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximumPoolSize");
    assertThatThrownBy(() -> Larder.builder().environment(
        Map.of("DATABASE_URL", "postgres://db/shop", "ENABLE_REDIS_ENTRIES", "maybe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ENABLE_REDIS_ENTRIES must be true or false but was 'maybe'");
  }

  @Test
  void buildWithoutAnyDatabaseSaysWhichMethodsToCall() {
    assertThatThrownBy(() -> Larder.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no database configured")
        .hasMessageContaining("dataSource(..)")
        .hasMessageContaining("jdbcUrl(..)");
  }

  @Test
  void buildWithBothDataSourceAndUrlIsRefused() {
    DataSource unused = new org.postgresql.ds.PGSimpleDataSource();
    assertThatThrownBy(() -> Larder.builder()
        .dataSource(unused)
        .jdbcUrl("jdbc:postgresql://127.0.0.1/none")
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one");
  }

  @Test
  void buildFromUnreachableUrlSucceedsBecauseThePoolConnectsOnFirstUse() {
    // Port 1 on loopback refuses connections at once; build() must not try to connect.
    try (Larder larder = Larder.builder()
        .databaseUrl("postgres://nobody:secret@127.0.0.1:1/none")
        .poolName("larder-unreachable")
        .maximumPoolSize(1)
        .build()) {
      assertThat(larder.dataSource()).isNotNull();
      assertThat(larder.jdbi()).isNotNull();
    }
  }

  @Test
  void theWaitIsBounded() {
    LarderBuilder builder = Larder.builder();
    assertThatThrownBy(
            () -> builder.invalidationWait(Duration.ofSeconds(11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalidationWait must be between 0 and 10 s");
    assertThatThrownBy(
            () -> builder.invalidationWait(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStalenessBoundIsBounded() {
    LarderBuilder builder = Larder.builder();
    assertThatThrownBy(() -> builder.maxStaleness(Duration.ofMinutes(61)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxStaleness must be between 0 and 1 h but was PT1H1M");
    assertThatThrownBy(() -> builder.maxStaleness(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(builder.maxStaleness(Duration.ZERO)).isSameAs(builder);
  }
}
