package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Value types with converters on PostgreSQL: parameters, components, results, keys and Redis. */
class ConvertedProbeRepositoryTest {
  @RegisterExtension
  final Processes processes = new Processes();

  private static final Email ADA = new Email("ada@example.com");
  private static final Money PRICE = new Money(new BigDecimal("12.3400"));

  private Larder larder;
  private ConvertedProbeRepository probes;

  @BeforeEach
  void insertRows() {
    larder = ExampleDatabase.freshLarder();
    probes = new ConvertedProbeRepositoryImpl(larder);
    assertThat(probes.insert(ADA, PRICE)).isEqualTo(1);
    assertThat(probes.insertAll(Arrays.asList(new ConvertedProbe(0, null, null),
        new ConvertedProbe(0, new Email("bob@example.com"), new Money(BigDecimal.ONE))))).isEqualTo(2);
  }

  @AfterEach
  void closeRuntime() {
    larder.close();
  }

  @Test
  void convertedValuesAreBoundAndReadThroughTheirDatabaseFormWithNullKept() throws Exception {
    assertThat(ExampleDatabase.strings("SELECT label || ' ' || amount FROM type_probe WHERE id = 1"))
        .containsExactly("ada@example.com 12.3400");
    assertThat(probes.get(1)).contains(new ConvertedProbe(1, ADA, PRICE));
    assertThat(probes.get(2)).contains(new ConvertedProbe(2, null, null));
    assertThat(probes.get(3)).contains(new ConvertedProbe(3, new Email("bob@example.com"),
        new Money(new BigDecimal("1.0000"))));
    assertThat(probes.withLabel(ADA)).containsExactly(new ConvertedProbe(1, ADA, PRICE));
    assertThat(probes.amount(1)).isEqualTo(PRICE);
    assertThat(probes.labelIfAny(1)).contains(ADA);
    assertThat(probes.labelIfAny(2)).isEmpty();
    assertThat(probes.labels()).containsExactly(ADA, null, new Email("bob@example.com"));
  }

  @Test
  void aConvertedKeyPartIsTheDatabaseForm() {
    assertThat(ConvertedProbeRepositoryKeys.withLabel(ADA)).startsWith("converted:label:ada%40example.com@");
  }

  @Test
  void everyConvertedValueIsReadBackFromRedisByAnotherProcess() {
    List<Function<ConvertedProbeRepository, Object>> reads = List.of(
        p -> p.get(1), p -> p.get(2), p -> p.withLabel(ADA), p -> p.amount(1), p -> p.labelIfAny(1),
        p -> p.labelIfAny(2), p -> p.labels());

    processes.assertReadBackFromRedis(ConvertedProbeRepositoryImpl::new, reads,
        () -> TestDatabase.get().execute("DELETE FROM type_probe"));
  }
}
