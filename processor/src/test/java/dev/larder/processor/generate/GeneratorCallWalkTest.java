package dev.larder.processor.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generators call each other in one direction: {@link ImplGenerator} calls the generators of
 * one kind of method, which call the shared shapes ({@link CodeShapes}, {@link Expressions},
 * {@link ClassFields}...), which call none of them. Measured on the compiled classes by
 * {@link GeneratorCallWalk}.
 */
class GeneratorCallWalkTest {
  private static GeneratorCallWalk walk;

  @BeforeAll
  static void readCompiledClasses() throws URISyntaxException {
    Path classes = Path.of(
        ImplGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    walk = GeneratorCallWalk.of(classes, ImplGenerator.class.getPackageName());
  }

  @Test
  void followingImplGeneratorNeverComesBackToAFileItLeft() {
    GeneratorCallWalk.Result result = walk.walk(ImplGenerator.class.getName(), "generate");

    assertThat(result.files()).contains("ImplGenerator", "PagingGenerator", "BatchMethods",
        "KeyRecords", "TransactionalMethods", "CodeShapes");
    assertThat(result.returns()).isEmpty();
  }

  @Test
  void noTwoFilesOfGenerateCallEachOther() {
    assertThat(walk.cycles()).isEmpty();
  }
}
