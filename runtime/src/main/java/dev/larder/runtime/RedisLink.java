package dev.larder.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Redis call Larder makes, each under a millisecond budget and behind a circuit breaker.
 * A failed or refused call returns {@code null} or {@code false} and never throws: the cache
 * then works from the database and the in-process level.
 */
final class RedisLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

  /** Reads each generation, creating the missing ones from the candidates, in one round trip. */
  private static final String GET_OR_CREATE = """
      local out = {}
      for i, key in ipairs(KEYS) do
        local value = redis.call('GET', key)
        if not value then
          value = ARGV[i + 1]
          redis.call('SET', key, value, 'EX', ARGV[1])
        end
        out[i] = value
      end
      return out
      """;

  /** Sets new generations and announces them to every process, atomically. */
  private static final String BUMP = """
      for i, key in ipairs(KEYS) do
        redis.call('SET', key, ARGV[i + 3], 'EX', ARGV[1])
      end
      redis.call('PUBLISH', ARGV[2], ARGV[3])
      return 1
      """;

  /** Reads the epoch marker, creating it when Redis lost it (restarted empty, flushed). */
  private static final String EPOCH = """
      local value = redis.call('GET', KEYS[1])
      if not value then
        value = ARGV[1]
        redis.call('SET', KEYS[1], value)
      end
      return value
      """;

  private final RedissonClient client;
  private final boolean owned;
  private final String namespace;
  private final long budgetMillis;
  private final long generationTtlSeconds;
  final CircuitBreaker breaker;

  RedisLink(RedissonClient client, boolean owned, String namespace, Duration budget,
      Duration generationTtl, Duration coolDown, Runnable onRecovery) {
    this.client = client;
    this.owned = owned;
    this.namespace = namespace;
    this.budgetMillis = budget.toMillis();
    this.generationTtlSeconds = Math.max(1, generationTtl.toSeconds());
    this.breaker = new CircuitBreaker(3, coolDown.toNanos(), System::nanoTime, onRecovery);
  }

  String channel() {
    return namespace + ":bumps";
  }

  private String entryKey(String key) {
    return namespace + ":e:" + key;
  }

  private String generationKey(String tag) {
    // One hash slot for all generations, so the scripts also run on Redis Cluster.
    return namespace + ":{g}:" + tag;
  }

  /** The stored entry bytes, or null on a miss or when Redis cannot be reached. */
  byte[] get(String key) {
    return call(() -> client.<byte[]>getBucket(entryKey(key), ByteArrayCodec.INSTANCE).getAsync());
  }

  /** Stores entry bytes with a time to live; false when Redis cannot be reached. */
  boolean set(String key, byte[] value, Duration ttl) {
    return call(() -> client.<byte[]>getBucket(entryKey(key), ByteArrayCodec.INSTANCE)
        .setAsync(value, ttl).thenApply(v -> Boolean.TRUE)) != null;
  }

  /**
   * The current generation tokens of {@code tags}; a tag Redis does not know gets the candidate
   * token. Null when Redis cannot be reached.
   */
  List<String> generations(List<String> tags, List<String> candidates) {
    List<Object> keys = new ArrayList<>(tags.size());
    for (String tag : tags) {
      keys.add(generationKey(tag));
    }
    Object[] args = new Object[candidates.size() + 1];
    args[0] = Long.toString(generationTtlSeconds);
    for (int i = 0; i < candidates.size(); i++) {
      args[i + 1] = candidates.get(i);
    }
    List<Object> result = call(() -> client.getScript(StringCodec.INSTANCE)
        .<List<Object>>evalAsync(RScript.Mode.READ_WRITE, GET_OR_CREATE, RScript.ReturnType.LIST,
            keys, args));
    if (result == null || result.size() != tags.size()) {
      return null;
    }
    List<String> tokens = new ArrayList<>(result.size());
    for (Object token : result) {
      tokens.add(String.valueOf(token));
    }
    return tokens;
  }

  /** Sets and publishes new generations; false when Redis cannot be reached. */
  boolean bump(List<String> tags, List<String> tokens) {
    List<Object> keys = new ArrayList<>(tags.size());
    for (String tag : tags) {
      keys.add(generationKey(tag));
    }
    Object[] args = new Object[tokens.size() + 3];
    args[0] = Long.toString(generationTtlSeconds);
    args[1] = channel();
    args[2] = BumpMessage.encode(tags, tokens);
    for (int i = 0; i < tokens.size(); i++) {
      args[i + 3] = tokens.get(i);
    }
    return call(() -> client.getScript(StringCodec.INSTANCE)
        .<Object>evalAsync(RScript.Mode.READ_WRITE, BUMP, RScript.ReturnType.LONG, keys, args)
        .thenApply(v -> Boolean.TRUE)) != null;
  }

  /**
   * The epoch of the Redis data set: a random marker every process shares, which changes when
   * Redis loses its data. Null when Redis cannot be reached.
   */
  String epoch(String candidate) {
    return call(() -> client.getScript(StringCodec.INSTANCE).<String>evalAsync(
        RScript.Mode.READ_WRITE, EPOCH, RScript.ReturnType.STRING,
        List.of(namespace + ":epoch"), candidate));
  }

  /**
   * Listens to bumps from every process; {@code onResubscribe} runs when the subscription comes
   * back after a disconnect (bumps may have been missed meanwhile).
   */
  void subscribe(BiConsumer<String, String> onBump, Runnable onResubscribe) {
    RTopic topic = client.getTopic(channel(), StringCodec.INSTANCE);
    topic.addListener(String.class, (channel, message) -> BumpMessage.decode(message, onBump));
    topic.addListener(new StatusListener() {
      private boolean first = true;

      @Override
      public synchronized void onSubscribe(String channel) {
        if (first) {
          first = false;
        } else {
          log.info("re-subscribed to {}; dropping in-process cache entries", channel);
          onResubscribe.run();
        }
      }

      @Override
      public void onUnsubscribe(String channel) {
        log.warn("lost the subscription to {}", channel);
      }
    });
  }

  /** PING round trip in nanoseconds, or -1 when Redis does not answer. Ignores the breaker. */
  long ping() {
    long start = System.nanoTime();
    try {
      client.getBucket(namespace + ":ping", StringCodec.INSTANCE).isExistsAsync()
          .toCompletableFuture().get(budgetMillis * 4, TimeUnit.MILLISECONDS);
      return System.nanoTime() - start;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return -1;
    }
  }

  private <T> T call(java.util.function.Supplier<? extends CompletionStage<T>> operation) {
    if (!breaker.allow()) {
      return null;
    }
    try {
      CompletableFuture<T> future = operation.get().toCompletableFuture();
      T value = future.get(budgetMillis, TimeUnit.MILLISECONDS);
      breaker.success();
      return value == null ? null : value;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      breaker.failure();
      log.debug("redis call failed: {}", e.toString());
      return null;
    }
  }

  @Override
  public void close() {
    if (owned) {
      client.shutdown();
    }
  }
}
