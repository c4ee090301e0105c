package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A bug inside the processor becomes one positioned "internal error" diagnostic, never a stack
 * trace that aborts javac. The bug is simulated by an {@link Elements} that fails when asked for
 * annotation values.
 */
class InternalErrorTest {

  @Test
  void exceptionInsideTheProcessorIsReportedOnTheRepository() {
    JavaFileObject file = Sources.repository(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  long count();");

    Compilation compilation = Sources.compile(new FailingElementsProcessor(), List.of(), file);

    assertThat(compilation).hadErrorContaining("internal error in the Larder processor while"
            + " processing test.CatalogRepository: java.lang.IllegalStateException: simulated bug")
        .inFile(file).onLineContaining("public interface CatalogRepository");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation.errors().get(0).getMessage(Locale.ROOT))
        .doesNotContain("\n")
        .contains("please report it");
  }

  /** A {@link LarderProcessor} whose {@link Elements} throw on annotation values. */
  private static final class FailingElementsProcessor extends WrappingLarderProcessor {
    @Override
    ProcessingEnvironment wrap(ProcessingEnvironment environment) {
      return new ForwardingProcessingEnvironment(environment) {
        @Override
        public Elements getElementUtils() {
          Elements real = environment.getElementUtils();
          return (Elements) Proxy.newProxyInstance(Elements.class.getClassLoader(),
              new Class<?>[] {Elements.class}, (proxy, method, args) -> {
                if (method.getName().equals("getElementValuesWithDefaults")) {
                  throw new IllegalStateException("simulated bug");
                }
                try {
                  return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
        }
      };
    }
  }
}
