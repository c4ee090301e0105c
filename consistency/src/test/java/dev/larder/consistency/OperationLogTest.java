package dev.larder.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationLogTest {

  @Test
  void whatIsLoggedIsReadBackInOrderWithProcessThreadAndMode(@TempDir Path directory) {
    try (OperationLog log = OperationLog.create(directory, 3, 7, Operation.Mode.STRICT)) {
      log.read(11, 42, 100, 200);
      log.write(12, 43, 300, 400, true);
      log.write(12, 41, 500, 600, false);
      log.failed(Operation.Kind.WRITE, 13, 44, 700, 800, new IllegalStateException("x"));
      assertThat(log.count()).isEqualTo(4);
    }
    List<Operation> back = new ArrayList<>();
    OperationLog.replay(directory).forEach(back::add);
    assertThat(back).containsExactly(
        Operation.read(3, 7, Operation.Mode.STRICT, 11, 42, 100, 200),
        Operation.write(3, 7, Operation.Mode.STRICT, 12, 43, 300, 400),
        new Operation(3, 7, Operation.Mode.STRICT, Operation.Kind.WRITE, 12, 41, 500, 600,
            Operation.Outcome.UNCHANGED, ""),
        Operation.failed(3, 7, Operation.Mode.STRICT, Operation.Kind.WRITE, 13, 44, 700, 800,
            IllegalStateException.class.getName()));
  }

  @Test
  void aLogCutInsideARecordIsAnErrorNotASilentlyShorterHistory(@TempDir Path directory)
      throws Exception {
    try (OperationLog log = OperationLog.create(directory, 0, 0, Operation.Mode.NEAR)) {
      log.read(1, 1, 1, 2);
    }
    Path file = OperationLog.files(directory).get(0);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertThatThrownBy(() -> OperationLog.forEach(file, op -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ends inside a record");
  }
}
