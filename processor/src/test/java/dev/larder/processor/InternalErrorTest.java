package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
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
  private static final class FailingElementsProcessor implements Processor {
    private final LarderProcessor delegate = new LarderProcessor();

    @Override
    public void init(ProcessingEnvironment env) {
      delegate.init(new FailingEnvironment(env));
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String text) {
      return delegate.getCompletions(element, annotation, member, text);
    }
  }

  private record FailingEnvironment(ProcessingEnvironment env) implements ProcessingEnvironment {
    @Override
    public Elements getElementUtils() {
      Elements real = env.getElementUtils();
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

    @Override
    public Map<String, String> getOptions() {
      return env.getOptions();
    }

    @Override
    public Messager getMessager() {
      return env.getMessager();
    }

    @Override
    public Filer getFiler() {
      return env.getFiler();
    }

    @Override
    public Types getTypeUtils() {
      return env.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return env.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return env.getLocale();
    }
  }
}
