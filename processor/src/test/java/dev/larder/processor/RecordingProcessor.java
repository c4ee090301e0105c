package dev.larder.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs the Larder processor with a {@link Filer} that records every file it creates and the
 * originating elements it gives, even when the compilation then fails.
 */
final class RecordingProcessor extends WrappingLarderProcessor {
  /**
   * A file the processor created.
   *
   * @param name a source's qualified name, or a resource's path
   * @param originatingElements the qualified names of its originating elements
   */
  record Created(String name, List<String> originatingElements) {}

  private final List<Created> created = new ArrayList<>();

  List<Created> created() {
    return List.copyOf(created);
  }

  @Override
  ProcessingEnvironment wrap(ProcessingEnvironment environment) {
    return new RecordingEnvironment(environment);
  }

  private void record(CharSequence name, Element... elements) {
    List<String> names = new ArrayList<>();
    for (Element e : elements) {
      names.add(e instanceof TypeElement t ? t.getQualifiedName().toString() : e.toString());
    }
    created.add(new Created(name.toString(), names));
  }

  private final class RecordingEnvironment extends ForwardingProcessingEnvironment {
    private final Filer filer;

    RecordingEnvironment(ProcessingEnvironment environment) {
      super(environment);
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
    public Filer getFiler() {
      return filer;
    }
  }
}
