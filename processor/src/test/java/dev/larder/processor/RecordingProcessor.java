package dev.larder.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs the Larder processor with a {@link Filer} that records every file it creates and the
 * originating elements it gives, even when the compilation then fails.
 */
final class RecordingProcessor extends AbstractProcessor {
  /**
   * A file the processor created.
   *
   * @param name a source's qualified name, or a resource's path
   * @param originatingElements the qualified names of its originating elements
   */
  record Created(String name, List<String> originatingElements) {}

  private final LarderProcessor delegate = new LarderProcessor();
  private final List<Created> created = new ArrayList<>();

  List<Created> created() {
    return List.copyOf(created);
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    delegate.init(new RecordingEnvironment(environment));
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

  private void record(CharSequence name, Element... elements) {
    List<String> names = new ArrayList<>();
    for (Element e : elements) {
      names.add(e instanceof TypeElement t ? t.getQualifiedName().toString() : e.toString());
    }
    created.add(new Created(name.toString(), names));
  }

  private final class RecordingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment environment;
    private final Filer filer;

    RecordingEnvironment(ProcessingEnvironment environment) {
      this.environment = environment;
      Filer real = environment.getFiler();
      this.filer = new Filer() {
        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... elements)
            throws IOException {
          record(name, elements);
          return real.createSourceFile(name, elements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... elements)
            throws IOException {
          record(name, elements);
          return real.createClassFile(name, elements);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence pkg,
            CharSequence relativeName, Element... elements) throws IOException {
          record(pkg.length() == 0 ? relativeName : pkg + "/" + relativeName, elements);
          return real.createResource(location, pkg, relativeName, elements);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence pkg,
            CharSequence relativeName) throws IOException {
          return real.getResource(location, pkg, relativeName);
        }
      };
    }

    @Override
    public Map<String, String> getOptions() {
      return environment.getOptions();
    }

    @Override
    public Messager getMessager() {
      return environment.getMessager();
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Elements getElementUtils() {
      return environment.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return environment.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return environment.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return environment.getLocale();
    }
  }
}
