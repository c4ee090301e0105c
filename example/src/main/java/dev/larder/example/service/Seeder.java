package dev.larder.example.service;

import dev.larder.example.NewProduct;
import dev.larder.example.ProductRepository;
import dev.larder.example.ProductRepositoryImpl;
import dev.larder.runtime.Larder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills an empty catalog with generated products: {@value #CATEGORIES} categories and names made
 * of three words (so that searches find a few products each), the same for the same count.
 */
public final class Seeder {
  /** How many categories the catalog gets. */
  public static final int CATEGORIES = 50;
  /** The words that names are made of, also what the load driver searches for. */
  public static final List<String> ADJECTIVES = List.of("sturdy", "tiny", "vintage", "bright", "quiet",
      "rugged", "elegant", "smart", "classic", "handmade", "compact", "deluxe", "fresh", "golden",
      "silver", "wooden");
  /** The second word of a name. */
  public static final List<String> MATERIALS = List.of("oak", "steel", "linen", "glass", "cotton",
      "copper", "bamboo", "leather", "ceramic", "wool", "marble", "paper");
  /** The last word of a name. */
  public static final List<String> NOUNS = List.of("lamp", "chair", "table", "mug", "shirt", "bag",
      "clock", "vase", "shelf", "pen", "bowl", "rug", "kettle", "stool", "frame", "basket", "jar",
      "blanket", "desk", "mirror");

  private static final int CHUNK = 2_000;

  private Seeder() {}

  /** The slug of category {@code index}, from 0. */
  public static String category(int index) {
    return String.format(Locale.ROOT, "c%02d", index);
  }

  /**
   * Inserts the categories and {@code count} products, showing a progress bar.
   *
   * @return how many products were inserted
   */
  public static int seed(Larder larder, int count, PrintStream out) {
    ProductRepository products = new ProductRepositoryImpl(larder);
    for (int c = 0; c < CATEGORIES; c++) {
      products.addCategory(category(c), "Category " + c);
    }
    SplittableRandom random = new SplittableRandom(42);
    ProgressBar bar = new ProgressBar(out, "seeding", count);
    int inserted = 0;
    List<NewProduct> chunk = new ArrayList<>(CHUNK);
    for (int i = 1; i <= count; i++) {
      String name = capitalized(ADJECTIVES.get(random.nextInt(ADJECTIVES.size()))) + " "
          + MATERIALS.get(random.nextInt(MATERIALS.size())) + " " + NOUNS.get(random.nextInt(NOUNS.size()));
      chunk.add(new NewProduct(String.format(Locale.ROOT, "SKU-%07d", i), name, category(i % CATEGORIES),
          100 + random.nextInt(100_000)));
      if (chunk.size() == CHUNK || i == count) {
        inserted += products.insertAll(chunk);
        chunk.clear();
        bar.update(inserted, null);
      }
    }
    bar.finish(count + " products in " + CATEGORIES + " categories");
    return inserted;
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
