package dev.larder.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.Converter;
import dev.larder.processor.model.EnumConstant;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.ScalarKind;
import dev.larder.processor.model.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Classifies {@link TypeMirror}s into Larder's {@link JavaType}s. */
final class TypeReader {
  /** Containers a collection parameter may be declared as. */
  static final Set<String> COLLECTIONS =
      Set.of("java.util.List", "java.util.Set", "java.util.Collection", "java.lang.Iterable");

  private final Types types;

  TypeReader(Types types) {
    this.types = types;
  }

  /** A scalar, a record of scalars, or {@link JavaType.Unsupported}. */
  JavaType read(TypeMirror type) {
    JavaType.Scalar scalar = scalar(type);
    if (scalar != null) {
      return scalar;
    }
    JavaType.Record record = record(type);
    if (record != null) {
      return record;
    }
    return unsupported(type);
  }

  /** The scalar type of {@code type}, or null when it is not one. */
  JavaType.Scalar scalar(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      ScalarKind kind = ScalarKind.forName(type.toString());
      return kind == null ? null : new JavaType.Scalar(kind, TypeName.get(type), type.toString());
    }
    if (type.getKind() == TypeKind.ARRAY) {
      // byte[] is bytea; String[], int[]... array columns; other arrays are not scalars.
      TypeMirror component = ((ArrayType) type).getComponentType();
      if (component.getKind() == TypeKind.BYTE) {
        return new JavaType.Scalar(ScalarKind.BYTES, TypeName.get(type), "byte[]");
      }
      JavaType.Scalar element = component.getKind() == TypeKind.ARRAY ? null : scalar(component);
      ScalarKind kind = element == null ? null : ScalarKind.arrayOf(element.kind(), true);
      return kind == null ? null : new JavaType.Scalar(kind, TypeName.get(type),
          element.display() + "[]", element.constants());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return new JavaType.Scalar(ScalarKind.ENUM, ClassName.get(element),
          element.getSimpleName().toString(), constants(element));
    }
    AnnotationMirror convertWith = AnnotationReader.find(element, LarderAnnotations.CONVERT_WITH);
    if (convertWith != null) {
      return new JavaType.Scalar(ScalarKind.CONVERTED, ClassName.get(element),
          element.getSimpleName().toString(), List.of(), converter(convertWith, Source.of(element)));
    }
    ScalarKind kind = ScalarKind.forName(element.getQualifiedName().toString());
    if (kind == null) {
      return null;
    }
    return new JavaType.Scalar(kind, ClassName.get(element), element.getSimpleName().toString());
  }

  /**
   * The converter named by a {@code @ConvertWith}: the {@code J} and {@code S} of the
   * {@code ColumnConverter<J, S>} it implements, directly or through a generic base class such as
   * {@code JsonConverter<Profile>}, and whether generated code can create it.
   */
  private Converter converter(AnnotationMirror convertWith, Source annotated) {
    AnnotationValue value = AnnotationReader.explicitValue(convertWith, "value");
    Source source = annotated.withAnnotation(convertWith, value);
    if (value == null || !(value.getValue() instanceof DeclaredType type)) {
      return new Converter(ClassName.OBJECT, null, null, false, false, source);
    }
    TypeElement converter = (TypeElement) type.asElement();
    Set<String> supertypes = new HashSet<>();
    DeclaredType implemented = columnConverter(converter.asType(), supertypes);
    TypeName javaType = null;
    JavaType database = null;
    if (implemented != null) {
      javaType = TypeName.get(implemented.getTypeArguments().get(0));
      TypeMirror column = implemented.getTypeArguments().get(1);
      JavaType.Scalar scalar = scalar(column);
      database = scalar != null && !scalar.kind().enumLike()
          && scalar.kind() != ScalarKind.CONVERTED ? scalar : unsupported(column);
    }
    boolean json = supertypes.stream()
        .anyMatch(name -> name.startsWith(LarderAnnotations.JSON_CONVERTER + "<"));
    return new Converter(ClassName.get(converter), javaType, database, json,
        instantiable(converter), source);
  }

  /**
   * The {@code ColumnConverter<J, S>} among the supertypes of {@code type}, with the type
   * arguments of every class and interface between them substituted ({@code directSupertypes}
   * does that), or null when it implements none. Adds each supertype visited to {@code seen}.
   */
  private DeclaredType columnConverter(TypeMirror type, Set<String> seen) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (!(supertype instanceof DeclaredType declared) || !seen.add(declared.toString())) {
        continue;
      }
      if (((TypeElement) declared.asElement()).getQualifiedName()
              .contentEquals(LarderAnnotations.COLUMN_CONVERTER)) {
        return declared.getTypeArguments().size() == 2 ? declared : null;
      }
      DeclaredType found = columnConverter(declared, seen);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static boolean instantiable(TypeElement type) {
    Set<Modifier> modifiers = type.getModifiers();
    if (type.getKind() != ElementKind.CLASS || !modifiers.contains(Modifier.PUBLIC)
        || modifiers.contains(Modifier.ABSTRACT)
        || (type.getNestingKind().isNested() && !modifiers.contains(Modifier.STATIC))) {
      return false;
    }
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.CONSTRUCTOR
          && ((ExecutableElement) member).getParameters().isEmpty()
          && member.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  /** The constants of an enum, in order, each with its {@code @EnumLabel} or its name. */
  private static List<EnumConstant> constants(TypeElement enumType) {
    List<EnumConstant> out = new ArrayList<>();
    for (Element member : enumType.getEnclosedElements()) {
      if (member.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String name = member.getSimpleName().toString();
      AnnotationMirror label = AnnotationReader.find(member, LarderAnnotations.ENUM_LABEL);
      AnnotationValue value = label == null ? null : AnnotationReader.explicitValue(label, "value");
      if (value == null) {
        out.add(new EnumConstant(name, name, Source.of(member)));
      } else {
        String text = value.getValue() instanceof String s ? s : "";
        out.add(new EnumConstant(name, text, Source.of(member).withAnnotation(label, value)));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The array column type of a record component declared {@code List<X>} ({@code text[]} into
   * {@code List<String>}), or null. Only components: a {@code List} result is a list of rows,
   * and a {@code List} parameter is bound as an array already.
   */
  private JavaType.Scalar arrayColumn(TypeMirror type) {
    TypeMirror element = argumentOf(type, Set.of("java.util.List"));
    JavaType.Scalar scalar = element == null ? null : scalar(element);
    ScalarKind kind = scalar == null ? null : ScalarKind.arrayOf(scalar.kind(), false);
    if (kind == null) {
      return null;
    }
    return new JavaType.Scalar(
        kind, TypeName.get(type), "List<" + scalar.display() + ">", scalar.constants());
  }

  /** The record type of {@code type} with its components read, or null when it is no record. */
  JavaType.Record record(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() != ElementKind.RECORD || !element.getTypeParameters().isEmpty()) {
      return null;
    }
    List<JavaType.Component> components = new ArrayList<>();
    for (RecordComponentElement component : element.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      JavaType.Scalar scalar = scalar(component.asType());
      if (scalar == null) {
        scalar = arrayColumn(component.asType());
      }
      components.add(new JavaType.Component(
          name, Names.column(name), scalar != null ? scalar : unsupported(component.asType()),
          AnnotationReader.find(component, LarderAnnotations.NON_NULL_COLUMN) != null));
    }
    return new JavaType.Record(
        ClassName.get(element), element.getSimpleName().toString(), List.copyOf(components));
  }

  /**
   * The type argument of {@code type} when it is {@code container<X>} for one of the given
   * qualified container names, else null.
   */
  TypeMirror argumentOf(TypeMirror type, Set<String> containers) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (!containers.contains(element.getQualifiedName().toString())
        || declared.getTypeArguments().size() != 1) {
      return null;
    }
    TypeMirror argument = declared.getTypeArguments().get(0);
    if (argument.getKind() == TypeKind.WILDCARD) {
      return null;
    }
    return argument;
  }

  boolean isErroneous(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type.getKind() == TypeKind.DECLARED) {
      for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
        if (isErroneous(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  private JavaType.Unsupported unsupported(TypeMirror type) {
    TypeName name;
    try {
      name = TypeName.get(type);
    } catch (IllegalArgumentException e) {
      name = ClassName.OBJECT;
    }
    return new JavaType.Unsupported(name, type.toString());
  }
}
