package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import dev.larder.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Array columns as lists and Java arrays, enum arrays included, on PostgreSQL and through Redis. */
class ArrayProbeRepositoryTest {
  @RegisterExtension
  final Processes processes = new Processes();

  private static final UUID TOKEN = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
  private static final ArrayProbe LISTS = new ArrayProbe(Arrays.asList((short) -32768, null, (short) 7),
      List.of(1.5e-7f, -2.5f), Arrays.asList(ProbeStatus.OFF, null, ProbeStatus.ON),
      List.of(MpaaRating.PG_13, MpaaRating.NC_17, MpaaRating.G), List.of(TOKEN));
  private static final ArrayProbe EMPTY = new ArrayProbe(List.of(), List.of(), List.of(), List.of(), List.of());
  private static final ArrayProbe NULLS = new ArrayProbe(null, null, null, null, null);
  private static final JavaArrayProbe ARRAYS = new JavaArrayProbe(4, new String[] {"a,b \"c\"", null},
      new int[] {3, -1}, new long[] {9_000_000_000L}, new short[] {5}, new float[] {0.25f},
      new UUID[] {TOKEN, null}, new ProbeStatus[] {ProbeStatus.ON}, new MpaaRating[] {MpaaRating.NC_17, null});

  private Larder larder;
  private ArrayProbeRepository probes;

  @BeforeEach
  void insertProbes() {
    larder = ExampleDatabase.freshLarder();
    probes = new ArrayProbeRepositoryImpl(larder);
    assertThat(probes.insert(LISTS)).isEqualTo(1);
    assertThat(probes.insertAll(List.of(EMPTY, NULLS))).isEqualTo(2);
    assertThat(probes.insertArrays(ARRAYS)).isEqualTo(1);
  }

  @AfterEach
  void closeRuntime() {
    larder.close();
  }

  @Test
  void smallintRealAndEnumArraysReadIntoListsWithNullElementsAndNullColumns() throws Exception {
    assertThat(probes.lists(1)).contains(LISTS);
    assertThat(probes.lists(2)).contains(EMPTY);
    assertThat(probes.lists(3)).contains(NULLS);
    assertThat(ExampleDatabase.strings("SELECT ratings::text FROM type_probe WHERE id = 1")).containsExactly("{PG-13,NC-17,G}");
    assertThat(ExampleDatabase.strings("SELECT status_names::text FROM type_probe WHERE id = 1")).containsExactly("{OFF,NULL,ON}");
    assertThatThrownBy(() -> probes.lists(1).orElseThrow().ratings().add(MpaaRating.R))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void javaArraysAreComponentsParametersAndResults() {
    assertThat(probes.arrays(4)).hasValueSatisfying(p -> assertThat(p).usingRecursiveComparison().isEqualTo(ARRAYS));
    assertThat(probes.ratings(4)).containsExactly(MpaaRating.NC_17, null);
    assertThat(probes.ratings(1)).containsExactly(MpaaRating.PG_13, MpaaRating.NC_17, MpaaRating.G);
    assertThat(probes.statusNames(1)).hasValueSatisfying(
        s -> assertThat(s).containsExactly(ProbeStatus.OFF, null, ProbeStatus.ON));
    assertThat(probes.statusNames(3)).isEmpty();
    assertThat(probes.smallScores(4)).containsExactly((short) 5);
    assertThat(probes.features(4)).containsExactly("a,b \"c\"", null);
    assertThat(probes.scores(4)).containsExactly(3, -1);
  }

  @Test
  void aBatchOfJavaArraysIsInsertedRowByRow() {
    JavaArrayProbe nulls = new JavaArrayProbe(0, null, null, null, null, null, null, null, null);

    assertThat(probes.insertAllArrays(List.of(ARRAYS, nulls))).isEqualTo(2);

    assertThat(probes.arrays(5)).hasValueSatisfying(p -> assertThat(p).usingRecursiveComparison()
        .ignoringFields("id").isEqualTo(ARRAYS));
    assertThat(probes.arrays(6)).hasValueSatisfying(p -> assertThat(p).usingRecursiveComparison()
        .isEqualTo(new JavaArrayProbe(6, null, null, null, null, null, null, null, null)));
  }

  @Test
  void aNullElementReadIntoAPrimitiveArrayFailsNamingTheColumnAndTheListToUse() {
    assertThatThrownBy(() -> probes.smallScores(1))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("ArrayProbeRepository.smallScores: SQLSTATE 22004: column small_scores holds an"
            + " array whose element 2 is NULL but is read into a short[]; declare it as List<Short>");
  }

  @Test
  void listsAndJavaArraysBindAsArraysOfTheirElementTypeAndEnumsByLabel() {
    assertThat(probes.idsWithSmallScores(List.of((short) 7))).containsExactly(1L);
    assertThat(probes.idsWithSmallScoresIn(new short[] {5, 7})).containsExactly(1L, 4L);
    assertThat(probes.idsWithWeights(Set.of(-2.5f))).containsExactly(1L);
    assertThat(probes.idsWithWeightsIn(new float[] {0.25f})).containsExactly(4L);
    assertThat(probes.idsWithScores(new int[] {-1}, new long[] {9_000_000_000L})).containsExactly(4L);
    assertThat(probes.idsWithScores(new int[] {-1}, new long[0])).isEmpty();
    assertThat(probes.idsWithFeatures(new String[] {"a,b \"c\""}, new UUID[] {TOKEN})).containsExactly(4L);
    assertThat(probes.idsRatedAll(new MpaaRating[] {MpaaRating.PG_13, MpaaRating.G})).containsExactly(1L);
    assertThat(probes.idsRatedAny(List.of(MpaaRating.NC_17))).containsExactly(1L, 4L);
    assertThat(probes.idsWithStatuses(new ProbeStatus[] {ProbeStatus.ON})).containsExactly(1L, 4L);
    assertThatThrownBy(() -> probes.idsWithScores(null, new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores is null");
  }

  @Test
  void aJavaArrayParameterIsKeyedAsTheListItHolds() {
    assertThat(ArrayProbeRepositoryKeys.idsWithSmallScoresIn(new short[] {5, 7}))
        .startsWith("arrays:small-overlapping-array:[5,7]@");
    assertThat(ArrayProbeRepositoryKeys.idsRatedAll(new MpaaRating[] {MpaaRating.PG_13}))
        .startsWith("arrays:rated:[PG-13]@");
  }

  @Test
  void everyArrayIsReadBackFromRedisByAnotherProcess() {
    List<Function<ArrayProbeRepository, Object>> reads = List.of(
        p -> p.lists(1), p -> p.lists(2), p -> p.lists(3), p -> p.arrays(4), p -> p.arrays(3),
        p -> p.ratings(4), p -> p.statusNames(1), p -> p.statusNames(3), p -> p.smallScores(4),
        p -> p.features(4), p -> p.scores(4), p -> p.idsRatedAll(new MpaaRating[] {MpaaRating.G}),
        p -> p.idsWithWeightsIn(new float[] {0.25f}));

    processes.assertReadBackFromRedis(ArrayProbeRepositoryImpl::new, reads,
        () -> TestDatabase.get().execute("DELETE FROM type_probe"));
  }
}
