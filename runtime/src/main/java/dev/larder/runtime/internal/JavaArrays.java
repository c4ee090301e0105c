package dev.larder.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Java arrays as lists and back, for the array columns and parameters declared as {@code int[]},
 * {@code String[]} and the like: generated code binds and keys them as the lists they hold, and
 * reads columns into them from the lists {@link Columns} reads. No reflection: one method per
 * primitive element type, and a constructor reference ({@code String[]::new}) for the others.
 */
public final class JavaArrays {
  private JavaArrays() {}

  /** The elements of {@code values}, in order; null for null. */
  public static <T> List<T> list(T[] values) {
    return values == null ? null : Collections.unmodifiableList(Arrays.asList(values));
  }

  /** The elements of {@code values}, boxed, in order; null for null. */
  public static List<Integer> list(int[] values) {
    return values == null ? null : Arrays.stream(values).boxed().toList();
  }

  /** The elements of {@code values}, boxed, in order; null for null. */
  public static List<Long> list(long[] values) {
    return values == null ? null : Arrays.stream(values).boxed().toList();
  }

  /** The elements of {@code values}, boxed, in order; null for null. */
  public static List<Short> list(short[] values) {
    if (values == null) {
      return null;
    }
    List<Short> out = new ArrayList<>(values.length);
    for (short value : values) {
      out.add(value);
    }
    return Collections.unmodifiableList(out);
  }

  /** The elements of {@code values}, boxed, in order; null for null. */
  public static List<Float> list(float[] values) {
    if (values == null) {
      return null;
    }
    List<Float> out = new ArrayList<>(values.length);
    for (float value : values) {
      out.add(value);
    }
    return Collections.unmodifiableList(out);
  }

  /** An array of the elements of {@code values}; null for null. */
  static <T> T[] array(List<T> values, IntFunction<T[]> newArray) {
    return values == null ? null : values.toArray(newArray.apply(values.size()));
  }

  /**
   * The elements of {@code values} unboxed; null for null.
   *
   * @throws NullPointerException naming the first null element
   */
  static int[] intArray(List<Integer> values) {
    if (values == null) {
      return null;
    }
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = element(values, i);
    }
    return out;
  }

  /** {@link #intArray} of longs. */
  static long[] longArray(List<Long> values) {
    if (values == null) {
      return null;
    }
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = element(values, i);
    }
    return out;
  }

  /** {@link #intArray} of shorts. */
  static short[] shortArray(List<Short> values) {
    if (values == null) {
      return null;
    }
    short[] out = new short[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = element(values, i);
    }
    return out;
  }

  /** {@link #intArray} of floats. */
  static float[] floatArray(List<Float> values) {
    if (values == null) {
      return null;
    }
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = element(values, i);
    }
    return out;
  }

  private static <T> T element(List<T> values, int index) {
    T value = values.get(index);
    if (value == null) {
      throw new NullPointerException("element " + (index + 1) + " is NULL");
    }
    return value;
  }
}
