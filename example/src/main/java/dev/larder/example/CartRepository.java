package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.NonNullColumn;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Shopping carts, keyed by UUID. Everything read about a cart carries the tag
 * {@code cart:<id>}, so any change to the cart or its items makes all of it stale at once.
 */
@CachedRepository(ttl = "PT5M", emptyTtl = "PT10S")
public interface CartRepository {

  /** Opens an empty cart. */
  @Update("INSERT INTO cart (id, customer_email, created_at, updated_at)"
      + " VALUES (:id, :customerEmail, :openedAt, :openedAt)")
  @InvalidatesTags({"cart:{id}", "customer-carts:{customerEmail}"})
  void open(UUID id, String customerEmail, OffsetDateTime openedAt);

  /** Finds a cart. */
  @Query("SELECT id, customer_email, created_at, updated_at, checked_out FROM cart WHERE id = :id")
  @CacheKey(value = "cart:{id}", tags = "cart:{id}")
  Optional<Cart> findById(UUID id);

  /**
   * Puts a product in a cart, or adds to its quantity if it is there already. Returns the number
   * of cart lines written (1).
   */
  @Update("INSERT INTO cart_item (cart_id, product_id, quantity, unit_price)"
      + " VALUES (:cartId, :productId, :quantity, :unitPrice)"
      + " ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = cart_item.quantity + EXCLUDED.quantity")
  @InvalidatesTags("cart:{item.cartId}")
  int addItem(NewCartItem item);

  /** Lists a cart's lines by SKU. */
  @Query("SELECT ci.product_id, p.sku, p.name, ci.quantity, ci.unit_price"
      + " FROM cart_item ci JOIN product p ON p.id = ci.product_id"
      + " WHERE ci.cart_id = :cartId ORDER BY p.sku")
  @CacheKey(value = "cart:{cartId}:lines", tags = "cart:{cartId}")
  List<CartLine> lines(UUID cartId);

  /** Returns what the cart costs, or empty if it has no items. */
  @Query("SELECT sum(quantity * unit_price) FROM cart_item WHERE cart_id = :cartId")
  @CacheKey(value = "cart:{cartId}:total", tags = "cart:{cartId}")
  Optional<BigDecimal> total(UUID cartId);

  /** Lists the ids of the products in a cart. */
  @Query("SELECT product_id FROM cart_item WHERE cart_id = :cartId ORDER BY product_id")
  @CacheKey(value = "cart:{cartId}:product-ids", tags = "cart:{cartId}")
  List<Long> productIds(UUID cartId);

  /**
   * Returns when the cart last changed.
   *
   * @throws dev.larder.runtime.IncorrectResultSizeException if there is no such cart
   */
  @Query("SELECT updated_at FROM cart WHERE id = :id")
  @CacheKey(value = "cart:{id}:updated-at", tags = "cart:{id}")
  OffsetDateTime updatedAt(UUID id);

  /** Tells whether the cart has become an order; false for an unknown cart. */
  @NonNullColumn // EXISTS is never NULL, which the schema check cannot tell from an expression
  @Query("SELECT EXISTS (SELECT 1 FROM cart WHERE id = :id AND checked_out)")
  @CacheKey(value = "cart:{id}:checked-out", tags = "cart:{id}")
  boolean isCheckedOut(UUID id);

  /** Lists a customer's carts that are still open, oldest first. */
  @Query("SELECT id FROM cart WHERE customer_email = :customerEmail AND NOT checked_out ORDER BY created_at, id")
  @CacheKey(value = "customer-carts:{customerEmail}", tags = "customer-carts:{customerEmail}")
  List<UUID> openCartIds(String customerEmail);

  /** Marks a customer's cart as checked out; a cart of someone else is left alone. */
  @Update("UPDATE cart SET checked_out = true, updated_at = :at"
      + " WHERE id = :id AND customer_email = :customerEmail")
  @InvalidatesTags({"cart:{id}", "customer-carts:{customerEmail}"})
  void checkOut(UUID id, String customerEmail, OffsetDateTime at);
}
