package dev.larder.consistency;

import static dev.larder.consistency.Operation.Mode.NEAR;
import static dev.larder.consistency.Operation.Mode.STRICT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryCheckerTest {
  private static final long MS = 1_000_000;

  private static Operation write(int process, int row, long version, long startMs, long endMs) {
    return Operation.write(process, 0, NEAR, row, version, startMs * MS, endMs * MS);
  }

  private static Operation read(int process, int row, long version, long startMs, long endMs) {
    return Operation.read(process, 1, NEAR, row, version, startMs * MS, endMs * MS);
  }

  private static Figures near(List<Operation> history) {
    return HistoryChecker.check(history, 0).mode(NEAR);
  }

  @Test
  void aReadOfTheLatestVersionIsNotStale() {
    Figures f = near(List.of(write(0, 1, 5, 0, 10), read(1, 1, 5, 20, 21)));
    assertThat(f.reads()).isEqualTo(1);
    assertThat(f.stale()).isZero();
  }

  @Test
  void aReadOverlappingTheWriteMayReturnEitherVersion() {
    // The read starts before the write returned: both answers are linearizable.
    Figures f = near(List.of(write(0, 1, 5, 0, 10), read(1, 1, 0, 9, 30), read(1, 1, 5, 2, 3)));
    assertThat(f.stale()).isZero();
    assertThat(f.invented()).isZero();
  }

  @Test
  void aReadOfAnOlderVersionAfterTheWriteReturnedIsStaleWithItsLag() {
    Figures f = near(List.of(write(0, 1, 5, 0, 10), read(1, 1, 0, 17, 18)));
    assertThat(f.staleCrossProcess()).isEqualTo(1);
    assertThat(f.staleOwnProcess()).isZero();
    assertThat(f.crossLagMaxMs()).isEqualTo(7.0);
    assertThat(f.worstStale().row()).isEqualTo(1);
    assertThat(f.worstStale().versionRead()).isZero();
  }

  @Test
  void theLagCountsFromTheFirstNewerWriteToReturn() {
    // Versions 5 and 9 both newer than 3; version 9's write returned first (at 12).
    List<Operation> history = List.of(write(0, 1, 3, 0, 1), write(0, 1, 5, 2, 20),
        write(2, 1, 9, 3, 12), read(1, 1, 3, 30, 31));
    assertThat(near(history).crossLagMaxMs()).isEqualTo(18.0);
  }

  @Test
  void aWriteThatReturnedAfterTheReadStartedDoesNotMakeItStale() {
    List<Operation> history = List.of(write(0, 1, 3, 0, 1), write(0, 1, 5, 2, 40),
        read(1, 1, 3, 30, 31));
    assertThat(near(history).stale()).isZero();
  }

  @Test
  void staleReadsInTheWritersProcessAreCountedApart() {
    List<Operation> history = List.of(write(0, 1, 5, 0, 10), read(0, 1, 0, 11, 12),
        read(1, 1, 0, 11, 12));
    Figures all = near(history);
    assertThat(all.staleOwnProcess()).isEqualTo(1);
    assertThat(all.staleCrossProcess()).isEqualTo(1);
    assertThat(all.ownLagMaxMs()).isEqualTo(1.0);
    CheckResult result = HistoryChecker.check(history, 0);
    assertThat(result.byProcess()).extracting(Figures::process, Figures::staleOwnProcess,
            Figures::staleCrossProcess)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1L, 0L),
            org.assertj.core.groups.Tuple.tuple(1, 0L, 1L));
  }

  @Test
  void aReadMadeStaleOnlyByAnOutsideWriteIsCountedApartFromLardersStaleReads() {
    int outside = 9;
    List<Operation> history = List.of(write(outside, 1, 5, 0, 10), read(1, 1, 0, 17, 18));
    Figures f = HistoryChecker.check(history, 0, Set.of(outside)).mode(NEAR);
    assertThat(f.staleOutside()).isEqualTo(1);
    assertThat(f.outsideLagMaxMs()).isEqualTo(7.0);
    assertThat(f.stale()).isZero();
    assertThat(f.worstStale()).isNull();
  }

  @Test
  void aReadThatMissedALarderWriteIsJudgedOnLardersWritesEvenAfterAnOutsideWrite() {
    int outside = 9;
    List<Operation> history = List.of(write(outside, 1, 5, 0, 10), write(0, 1, 7, 12, 15),
        read(1, 1, 0, 20, 21));
    Figures f = HistoryChecker.check(history, 0, Set.of(outside)).mode(NEAR);
    assertThat(f.staleCrossProcess()).isEqualTo(1);
    assertThat(f.crossLagMaxMs()).isEqualTo(5.0); // from Larder's write, not the outside one
    assertThat(f.staleOutside()).isZero();
  }

  @Test
  void otherRowsWritesNeverMakeAReadStale() {
    Figures f = near(List.of(write(0, 2, 5, 0, 10), read(1, 1, 0, 20, 21)));
    assertThat(f.stale()).isZero();
  }

  @Test
  void aFailedWriteMayHaveCommittedButMakesNoReadStale() {
    Operation failed = Operation.failed(0, 0, NEAR, Operation.Kind.WRITE, 1, 7, 0, 10 * MS,
        "org.jdbi.v3.core.ConnectionException");
    Figures f = near(List.of(failed, read(1, 1, 7, 20, 21), read(1, 1, 0, 30, 31)));
    assertThat(f.failedWrites()).isEqualTo(1);
    assertThat(f.errors()).containsEntry("org.jdbi.v3.core.ConnectionException", 1L);
    assertThat(f.stale()).isZero();
    assertThat(f.invented()).isZero();
  }

  @Test
  void aVersionNoWriteEverTriedIsInvented() {
    CheckResult result = HistoryChecker.check(List.of(write(0, 1, 5, 0, 10), read(1, 1, 6, 20, 21),
        read(1, 2, 5, 20, 21)), 0);
    assertThat(result.mode(NEAR).invented()).isEqualTo(2); // 6 never written; 5 was row 1's
    assertThat(result.invented()).extracting(Operation::version).containsExactly(6L, 5L);
  }

  @Test
  void aWriteThatChangedNothingNeitherCountsNorExcusesAValue() {
    Operation unchanged = new Operation(0, 0, NEAR, Operation.Kind.WRITE, 1, 4, 0, MS,
        Operation.Outcome.UNCHANGED, "");
    Figures f = near(List.of(write(0, 1, 5, 0, 1), unchanged, read(1, 1, 4, 20, 21)));
    assertThat(f.unchangedWrites()).isEqualTo(1);
    assertThat(f.invented()).isEqualTo(1);
    assertThat(f.staleCrossProcess()).isEqualTo(1);
  }

  @Test
  void failedReadsAreCountedAndNotChecked() {
    Operation failed = Operation.failed(1, 1, NEAR, Operation.Kind.READ, 1, -1, 20 * MS, 21 * MS,
        "dev.larder.runtime.RepositoryException");
    Figures f = near(List.of(write(0, 1, 5, 0, 10), failed));
    assertThat(f.failedReads()).isEqualTo(1);
    assertThat(f.reads()).isZero();
    assertThat(f.stale()).isZero();
  }

  @Test
  void modesAreReportedSeparately() {
    List<Operation> history = List.of(write(0, 1, 5, 0, 10), read(1, 1, 0, 20, 21),
        Operation.write(0, 0, STRICT, 9, 6, 0, 10 * MS), Operation.read(1, 1, STRICT, 9, 6, 20 * MS, 21 * MS));
    CheckResult result = HistoryChecker.check(history, 0);
    assertThat(result.mode(NEAR).stale()).isEqualTo(1);
    assertThat(result.mode(STRICT).stale()).isZero();
    assertThat(result.mode(STRICT).reads()).isEqualTo(1);
  }

  @Test
  void percentilesAreNearestRankOverTheStaleReads() {
    // 1000 stale reads with lags 1..1000 ms, and many fresh reads that do not dilute them.
    List<Operation> history = new java.util.ArrayList<>();
    history.add(write(0, 1, 5, 0, 10));
    for (int lag = 1; lag <= 1000; lag++) {
      history.add(read(1, 1, 0, 10 + lag, 10 + lag));
      history.add(read(1, 1, 5, 10 + lag, 10 + lag));
    }
    Figures f = near(history);
    assertThat(f.staleCrossProcess()).isEqualTo(1000);
    assertThat(f.crossLagP50Ms()).isEqualTo(500.0);
    assertThat(f.crossLagP99Ms()).isEqualTo(990.0);
    assertThat(f.crossLagP999Ms()).isEqualTo(999.0);
    assertThat(f.crossLagMaxMs()).isEqualTo(1000.0);
    assertThat(f.firstStaleMs()).isEqualTo(11.0);
    assertThat(f.lastStaleMs()).isEqualTo(1010.0);
  }
}
