package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void postgresUrlBecomesJdbcUrlWithDecodedCredentialsPortAndQuery() {
    DatabaseUrl url = DatabaseUrl.parse(
        "postgres://alice:s%40cr%3At@db.example.com:6543/shop?sslmode=require&application_name=larder");

    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.com:6543/shop?sslmode=require&application_name=larder");
    assertThat(url.username()).isEqualTo("alice");
    assertThat(url.password()).isEqualTo("s@cr:t");
  }

  @Test
  void postgresqlSchemeAndMissingPortAreAccepted() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://bob@localhost/app");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
    assertThat(url.username()).isEqualTo("bob");
    assertThat(url.password()).isNull();
  }

  @Test
  void missingDatabaseNameMeansThePostgresDatabase() {
    assertThat(DatabaseUrl.parse("postgres://db:5432").jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/postgres");
    assertThat(DatabaseUrl.parse("postgres://db:5432/").jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/postgres");
  }

  @Test
  void hostNamesWithUnderscoresAndSeveralHostsAreKept() {
    assertThat(DatabaseUrl.parse("postgres://u:p@my_db:5432/app").jdbcUrl())
        .isEqualTo("jdbc:postgresql://my_db:5432/app");
    assertThat(DatabaseUrl.parse("postgres://u:p@primary:5432,replica:5433/app?targetServerType=primary").jdbcUrl())
        .isEqualTo("jdbc:postgresql://primary:5432,replica:5433/app?targetServerType=primary");
    assertThat(DatabaseUrl.parse("postgres://u:p@[::1]:5432/app").jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5432/app");
  }

  @Test
  void plusSignInPasswordStaysAPlusSign() {
    assertThat(DatabaseUrl.parse("postgres://u:a+b%2Bc@db/app").password()).isEqualTo("a+b+c");
  }

  @Test
  void jdbcUrlPassesThroughUnchangedWithoutSeparateCredentials() {
    String jdbc = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=pw";
    DatabaseUrl url = DatabaseUrl.parse("  " + jdbc + " ");

    assertThat(url.jdbcUrl()).isEqualTo(jdbc);
    assertThat(url.username()).isNull();
    assertThat(url.password()).isNull();
  }

  @Test
  void otherJdbcDriversAndSchemesAreRefusedWithoutLeakingThePassword() {
    assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:mysql://db/shop?user=u&password=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a PostgreSQL URL")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter2@db/shop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown scheme")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void blankAndHostlessUrlsAreRefused() {
    assertThatThrownBy(() -> DatabaseUrl.parse(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:hunter2@/shop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no host")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void redactHidesPasswordsInUserInfoAndQuery() {
    assertThat(DatabaseUrl.redact("postgres://alice:hunter2@db:5432/shop"))
        .isEqualTo("postgres://alice:***@db:5432/shop");
    assertThat(DatabaseUrl.redact("jdbc:postgresql://db/shop?user=alice&password=hunter2&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/shop?user=alice&password=***&ssl=true");
    assertThat(DatabaseUrl.redact("jdbc:postgresql://db/shop?PASSWORD=hunter2"))
        .isEqualTo("jdbc:postgresql://db/shop?PASSWORD=***");
  }

  @Test
  void redactLeavesUrlsWithoutPasswordsAlone() {
    assertThat(DatabaseUrl.redact("postgres://alice@db:5432/shop")).isEqualTo("postgres://alice@db:5432/shop");
    assertThat(DatabaseUrl.redact("jdbc:postgresql://db:5432/shop?user=alice"))
        .isEqualTo("jdbc:postgresql://db:5432/shop?user=alice");
  }
}
