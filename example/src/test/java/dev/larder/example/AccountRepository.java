package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Isolation;
import dev.larder.annotation.Query;
import dev.larder.annotation.Transactional;
import dev.larder.annotation.Update;

/** Test-only: accounts and a SERIALIZABLE transfer between them. */
@CachedRepository
interface AccountRepository {

  @Update("INSERT INTO account (id, balance) VALUES (:id, :balance)")
  @InvalidatesTags({"account:{id}", "accounts"})
  void open(long id, long balance);

  @Query("SELECT balance FROM account WHERE id = :id")
  @CacheKey(value = "account:{id}", tags = "account:{id}")
  long balance(long id);

  @Query("SELECT coalesce(sum(balance), 0) FROM account")
  @CacheKey(value = "accounts:total", tags = "accounts")
  long total();

  @Update("UPDATE account SET balance = :balance WHERE id = :id")
  @InvalidatesTags({"account:{id}", "accounts"})
  int setBalance(long id, long balance);

  /**
   * Moves money by reading both balances and writing both back: under SERIALIZABLE, concurrent
   * transfers touching the same accounts fail with 40001 (or deadlock with 40P01) and are retried.
   */
  @Transactional(name = "transfer", isolation = Isolation.SERIALIZABLE, maxAttempts = 200,
      deadline = "PT2M")
  default void transfer(long from, long to, long amount) {
    long fromBalance = balance(from);
    long toBalance = balance(to);
    setBalance(from, fromBalance - amount);
    setBalance(to, toBalance + amount);
  }
}
