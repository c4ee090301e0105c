package dev.larder.processor.read;

import static dev.larder.processor.read.LarderAnnotations.TRANSACTIONAL;

import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.DurationSetting;
import dev.larder.processor.model.TransactionalMethod;
import dev.larder.processor.model.Source;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a default method annotated {@code @Transactional}. */
final class TransactionalReader {
  private final AnnotationReader annotations;
  private final Elements elements;
  private final Types types;

  TransactionalReader(AnnotationReader annotations, Elements elements, Types types) {
    this.annotations = annotations;
    this.elements = elements;
    this.types = types;
  }

  /** The model of {@code method}, or null when it has no {@code @Transactional}. */
  TransactionalMethod read(String repositoryName, ExecutableElement method) {
    AnnotationMirror mirror = AnnotationReader.find(method, TRANSACTIONAL);
    if (mirror == null) {
      return null;
    }
    List<TransactionalMethod.Param> parameters = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      parameters.add(new TransactionalMethod.Param(p.getSimpleName().toString(),
          TypeName.get(p.asType())));
    }
    String name = annotations.string(mirror, "name").trim();
    DurationSetting deadline = annotations.string(mirror, "deadline").isBlank()
        ? null : annotations.duration(method, mirror, "deadline");
    List<String> retryOn = new ArrayList<>();
    for (AnnotationValue value : annotations.array(mirror, "retryOn")) {
      retryOn.add(String.valueOf(value.getValue()));
    }
    return new TransactionalMethod(
        method.getSimpleName().toString(),
        TypeName.get(method.getReturnType()),
        List.copyOf(parameters),
        method.isVarArgs(),
        declaresChecked(method),
        !method.getTypeParameters().isEmpty(),
        name.isEmpty() ? repositoryName + "." + method.getSimpleName() : name,
        annotations.enumConstant(mirror, "isolation"),
        Boolean.TRUE.equals(annotations.value(mirror, "readOnly").getValue()),
        (Integer) annotations.value(mirror, "maxAttempts").getValue(),
        deadline,
        List.copyOf(retryOn),
        Source.of(method).withAnnotation(mirror, null));
  }

  private boolean declaresChecked(ExecutableElement method) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!types.isAssignable(thrown, runtime) && !types.isAssignable(thrown, error)) {
        return true;
      }
    }
    return false;
  }
}
