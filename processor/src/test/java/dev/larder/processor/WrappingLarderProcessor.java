package dev.larder.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** A {@link LarderProcessor} run in an environment a test changes through {@link #wrap}. */
abstract class WrappingLarderProcessor extends AbstractProcessor {
  private final LarderProcessor delegate = new LarderProcessor();

  /** The environment the Larder processor sees instead of javac's. */
  abstract ProcessingEnvironment wrap(ProcessingEnvironment environment);

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    delegate.init(wrap(environment));
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
}
