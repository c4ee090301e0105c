package dev.larder.runtime;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

  /**
   * The epoch of the Redis data set, run first by every script: a random marker paired with the
   * server's run id. A server that restarted (empty, or from an older snapshot) or a replica that
   * took over has another run id, and FLUSHALL (or an eviction) removes the marker or the bump
   * sequence: either way a new epoch starts, its bump numbers from 0, and every generation read
   * from the old data set stops matching. A new epoch is announced on the channel. KEYS[1] is the
   * marker, KEYS[2] the bump sequence; ARGV[1] the candidate epoch, ARGV[2] the channel.
   */
  private static final String EPOCH_PRELUDE = """
      local function larder_epoch()
        local run = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)')
        if not run then
          error({err = 'larder: no run_id in INFO server'})
        end
        local stored = redis.call('GET', KEYS[1])
        if stored and redis.call('EXISTS', KEYS[2]) == 1 then
          local bar = string.find(stored, '|', 1, true)
          if bar and string.sub(stored, bar + 1) == run then
            return string.sub(stored, 1, bar - 1)
          end
        end
        redis.call('SET', KEYS[1], ARGV[1] .. '|' .. run)
        redis.call('SET', KEYS[2], '0')
        redis.call('PUBLISH', ARGV[2], 'E ' .. ARGV[1] .. ' 0')
        return ARGV[1]
      end
      """;

  /**
   * Reads each generation (KEYS[3..]), creating the missing ones from the candidates (ARGV[4..])
   * with a time to live of ARGV[3] seconds, in one round trip. Returns the epoch, the bump
   * sequence and the tokens.
   */
  private static final String GET_OR_CREATE = EPOCH_PRELUDE + """
      local out = { larder_epoch(), redis.call('GET', KEYS[2]) or '0' }
      for i = 3, #KEYS do
        local value = redis.call('GET', KEYS[i])
        if not value then
          value = ARGV[i + 1]
          redis.call('SET', KEYS[i], value, 'EX', ARGV[3])
        end
        out[i] = value
      end
      return out
      """;

  /**
   * Sets new generations (ARGV[5..] for KEYS[3..]), numbers the bump and announces it to every
   * process, atomically; ARGV[4] names the writer, which waits for the others' confirmations.
   * Returns the epoch, the bump's sequence number and how many subscribers received it.
   */
  private static final String BUMP = EPOCH_PRELUDE + """
      local epoch = larder_epoch()
      local seq = redis.call('INCR', KEYS[2])
      local n = #KEYS - 2
      local message = { 'B ' .. epoch .. ' ' .. seq .. ' ' .. ARGV[4] }
      for i = 3, #KEYS do
        redis.call('SET', KEYS[i], ARGV[i + 2], 'EX', ARGV[3])
        message[#message + 1] = ARGV[i + 2] .. ' ' .. ARGV[i + 2 + n]
      end
      local receivers = redis.call('PUBLISH', ARGV[2], table.concat(message, '\\n'))
      return { epoch, tostring(seq), tostring(receivers) }
      """;

  /** The heartbeat: the epoch (starting a new one if need be) and the bump sequence. */
  private static final String MARKER = EPOCH_PRELUDE + """
      return { larder_epoch(), redis.call('GET', KEYS[2]) or '0' }
      """;

  /**
   * Starts a new epoch whatever the current one is, which invalidates every entry of every
   * process: for changes nobody can name (notifications lost while listening was down).
   */
  private static final String ROTATE = """
      local run = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)')
      if not run then
        return redis.error_reply('larder: no run_id in INFO server')
      end
      redis.call('SET', KEYS[1], ARGV[1] .. '|' .. run)
      redis.call('SET', KEYS[2], '0')
      redis.call('PUBLISH', ARGV[2], 'E ' .. ARGV[1] .. ' 0')
      return { ARGV[1], '0' }
      """;

  /** What a script says of the data set: its epoch and how many bumps it has numbered. */
  record Marker(String epoch, long sequence) {}

  /** A bump Redis took: the marker it was numbered under and how many subscribers received it. */
  record Bumped(Marker marker, long receivers) {}

  /** The current generation tokens of some tags, with the marker they were read under. */
  record Tokens(Marker marker, List<String> tokens) {}

  private final RedissonClient client;
  private final boolean owned;
  private final String namespace;
  private final long budgetMillis;
  private final long generationTtlSeconds;
  private final List<Integer> listenerIds = new ArrayList<>();
  private final String writer = Long.toHexString(new SecureRandom().nextLong());
  private final BumpAcknowledgements acknowledgements = new BumpAcknowledgements();
  private RTopic topic;
  private RTopic acknowledgementTopic;
  private Integer acknowledgementListener;
  private volatile boolean subscribed;
  private boolean closed;
  final CircuitBreaker breaker;

  /** A link whose breaker tells {@code breakerListener} of its changes from the start. */
  RedisLink(RedissonClient client, boolean owned, String namespace, Duration budget,
      Duration generationTtl, Duration coolDown, CircuitBreaker.Listener breakerListener) {
    this(client, owned, namespace, budget, generationTtl,
        new CircuitBreaker(3, coolDown.toNanos(), System::nanoTime, breakerListener));
  }

  /**
   * A link whose breaker's listener is named later, with {@link #onBreakerChange}: the one that
   * acts on the breaker's changes needs this link to do so.
   *
   * @param owned whether closing the link shuts the client down
   */
  RedisLink(RedissonClient client, boolean owned, String namespace, Duration budget,
      Duration generationTtl, Duration coolDown) {
    this(client, owned, namespace, budget, generationTtl,
        new CircuitBreaker(3, coolDown.toNanos(), System::nanoTime));
  }

  private RedisLink(RedissonClient client, boolean owned, String namespace, Duration budget,
      Duration generationTtl, CircuitBreaker breaker) {
    this.client = client;
    this.owned = owned;
    this.namespace = namespace;
    this.budgetMillis = budget.toMillis();
    this.generationTtlSeconds = Math.max(1, generationTtl.toSeconds());
    this.breaker = breaker;
  }

  /**
   * Names who hears this link's circuit breaker open and close, once, before the first call:
   * for a link built without a listener.
   */
  void onBreakerChange(CircuitBreaker.Listener listener) {
    breaker.listen(listener);
  }

  String channel() {
    return namespace + ":bumps";
  }

  /** Where the processes that applied a bump of {@code writer} say so. */
  private String acknowledgementChannel(String writer) {
    return namespace + ":bumps:ack:" + writer;
  }

  private String entryKey(String key) {
    return namespace + ":e:" + key;
  }

  private List<Object> scriptKeys(List<String> tags) {
    // One hash slot for the marker, the sequence and every generation, so that the scripts also
    // run on Redis Cluster.
    List<Object> keys = new ArrayList<>(tags.size() + 2);
    keys.add(namespace + ":{g}:epoch");
    keys.add(namespace + ":{g}:seq");
    for (String tag : tags) {
      keys.add(namespace + ":{g}:" + tag);
    }
    return keys;
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
  Tokens generations(List<String> tags, List<String> candidates, String candidateEpoch) {
    Object[] args = new Object[candidates.size() + 3];
    args[0] = candidateEpoch;
    args[1] = channel();
    args[2] = Long.toString(generationTtlSeconds);
    for (int i = 0; i < candidates.size(); i++) {
      args[i + 3] = candidates.get(i);
    }
    List<Object> result = script(GET_OR_CREATE, scriptKeys(tags), args, false);
    if (result == null || result.size() != tags.size() + 2) {
      return null;
    }
    List<String> tokens = new ArrayList<>(tags.size());
    for (int i = 2; i < result.size(); i++) {
      tokens.add(String.valueOf(result.get(i)));
    }
    return new Tokens(marker(result), tokens);
  }

  /**
   * Sets and publishes new generations; what Redis numbered them under, or null on failure.
   * Tried even while the breaker is open: Redis may be back for other processes before this
   * one's breaker knows it, and a strict read elsewhere trusts Redis, so a write must not return
   * without having tried to tell it. An outage costs each write one call budget.
   */
  Bumped bump(List<String> tags, List<String> tokens, String candidateEpoch) {
    Object[] args = new Object[4 + 2 * tags.size()];
    args[0] = candidateEpoch;
    args[1] = channel();
    args[2] = Long.toString(generationTtlSeconds);
    args[3] = writer;
    for (int i = 0; i < tags.size(); i++) {
      args[4 + i] = tokens.get(i);
      args[4 + tags.size() + i] = tags.get(i);
    }
    List<Object> result = script(BUMP, scriptKeys(tags), args, true);
    Marker marker = marker(result);
    if (marker == null || result.size() < 3) {
      return null;
    }
    try {
      return new Bumped(marker, Long.parseLong(String.valueOf(result.get(2))));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Waits until every subscriber that received a bump of this process applied it, at most
   * {@code timeout}; whether they all did.
   */
  boolean awaitApplied(Bumped bumped, Duration timeout) {
    return acknowledgements.await(bumped.marker().epoch(), bumped.marker().sequence(),
        bumped.receivers(), timeout);
  }

  /**
   * Tells the writer of a bump message that this process applied it: in this process directly,
   * to another one through its acknowledgement channel, without waiting (a lost confirmation
   * costs the writer its wait, nothing else).
   */
  private void acknowledge(String message) {
    BumpMessage.Header header = BumpMessage.header(message);
    if (header == null || header.writer() == null) {
      return;
    }
    if (header.writer().equals(writer)) {
      acknowledgements.arrived(header.epoch(), header.sequence());
      return;
    }
    try {
      client.getTopic(acknowledgementChannel(header.writer()), StringCodec.INSTANCE)
          .publishAsync(header.epoch() + ' ' + header.sequence())
          .whenComplete((receivers, e) -> {
            if (e != null) {
              log.debug("could not confirm bump {}: {}", header.sequence(), e.toString());
            }
          });
    } catch (RuntimeException e) {
      log.debug("could not confirm bump {}: {}", header.sequence(), e.toString());
    }
  }

  /** Counts a confirmation that arrived on this process's acknowledgement channel. */
  private void acknowledged(String message) {
    int space = message.indexOf(' ');
    if (space > 0) {
      try {
        acknowledgements.arrived(message.substring(0, space),
            Long.parseLong(message.substring(space + 1)));
      } catch (NumberFormatException e) {
        log.debug("ignored a confirmation that is not Larder's: {}", message);
      }
    }
  }

  /** The epoch (a new one if Redis lost its data) and bump sequence; null when unreachable. */
  Marker marker(String candidateEpoch) {
    return marker(script(MARKER, scriptKeys(List.of()), new Object[] {candidateEpoch, channel()},
        false));
  }

  /** Starts a new epoch, invalidating every entry everywhere; null when unreachable. */
  Marker rotate(String newEpoch) {
    // Tried even while the breaker is open, as a bump is: it stands for bumps.
    return marker(script(ROTATE, scriptKeys(List.of()), new Object[] {newEpoch, channel()}, true));
  }

  private static Marker marker(List<Object> result) {
    if (result == null || result.size() < 2) {
      return null;
    }
    try {
      return new Marker(String.valueOf(result.get(0)), Long.parseLong(String.valueOf(result.get(1))));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Runs a script; {@code evenIfOpen} for the calls that stand for bumps (see {@link #bump}). */
  private List<Object> script(String script, List<Object> keys, Object[] args,
      boolean evenIfOpen) {
    return call(() -> client.getScript(StringCodec.INSTANCE).<List<Object>>evalAsync(
        RScript.Mode.READ_WRITE, script, RScript.ReturnType.LIST, keys, args), evenIfOpen);
  }

  /**
   * Listens to the bump channel: {@code onMessage} gets every message, and {@code onChange} runs
   * on a Redisson thread when the subscription is lost or comes back later (messages may have
   * been missed; it must not block). Each step waits at most four call budgets; when Redis cannot
   * be reached the next call tries again, until {@link #isSubscribed()}. Redisson may connect on
   * the calling thread first: call this from a thread that can afford to wait.
   *
   * @return whether this call subscribed (the caller then knows messages may have been missed)
   */
  synchronized boolean subscribe(Consumer<String> onMessage, Runnable onChange) {
    if (closed || subscribed) {
      return false;
    }
    try {
      if (topic == null) {
        topic = client.getTopic(channel(), StringCodec.INSTANCE);
        acknowledgementTopic = client.getTopic(acknowledgementChannel(writer),
            StringCodec.INSTANCE);
      } else {
        removeListeners();
      }
      // Confirmations first, then messages: nothing published once the subscription is up is
      // lost, and the confirmations of this process's first bump have somewhere to go.
      acknowledgementListener = await(acknowledgementTopic.addListenerAsync(String.class,
          (channel, message) -> acknowledged(message)), acknowledgementTopic);
      listenerIds.add(await(topic.addListenerAsync(String.class,
          (channel, message) -> {
            onMessage.accept(message);
            acknowledge(message); // once applied
          })));
      AtomicBoolean initialSeen = new AtomicBoolean();
      listenerIds.add(await(topic.addListenerAsync(new StatusListener() {
        @Override
        public void onSubscribe(String channel) {
          if (initialSeen.getAndSet(true)) {
            subscribed = true;
            log.info("re-subscribed to {}; in-process entries are dropped", channel);
            onChange.run(); // the initial subscription is the caller's to report
          }
        }

        @Override
        public void onUnsubscribe(String channel) {
          subscribed = false;
          log.warn("lost the subscription to {}; in-process entries are dropped", channel);
          onChange.run();
        }
      })));
      subscribed = true;
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      log.debug("could not subscribe to {} yet: {}", channel(), e.toString());
    }
    return false;
  }

  /** Waits for a listener's registration; one that completes too late is removed again. */
  private Integer await(CompletionStage<Integer> registration)
      throws InterruptedException, ExecutionException, TimeoutException {
    return await(registration, topic);
  }

  private Integer await(CompletionStage<Integer> registration, RTopic on)
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<Integer> future = registration.toCompletableFuture();
    try {
      return future.get(budgetMillis * 4, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      future.thenAccept(id -> on.removeListenerAsync(id));
      throw e;
    }
  }

  /** Removes this runtime's listeners from the bump and acknowledgement channels. */
  private void removeListeners() {
    if (!listenerIds.isEmpty()) {
      topic.removeListenerAsync(listenerIds.toArray(new Integer[0]));
      listenerIds.clear();
    }
    if (acknowledgementListener != null) {
      acknowledgementTopic.removeListenerAsync(acknowledgementListener);
      acknowledgementListener = null;
    }
  }

  /**
   * Whether this process has taken Redis to be unreachable for at least {@code time}: its
   * breaker opened that long ago and no call has succeeded since.
   */
  boolean unreachableFor(Duration time) {
    return breaker.openFor(time.toNanos());
  }

  /** Whether the bump channel's subscription is up. */
  boolean isSubscribed() {
    return subscribed;
  }

  /**
   * Whether other processes' invalidations may fail to reach this one now: the breaker is not
   * closed, or the subscription is down.
   */
  boolean degraded() {
    return breaker.state() != CircuitBreaker.State.CLOSED || !subscribed;
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

  private <T> T call(Supplier<? extends CompletionStage<T>> operation) {
    return call(operation, false);
  }

  private <T> T call(Supplier<? extends CompletionStage<T>> operation, boolean evenIfOpen) {
    if (!breaker.allow() && !evenIfOpen) {
      return null;
    }
    CompletableFuture<T> future = null;
    try {
      future = operation.get().toCompletableFuture();
      T value = future.get(budgetMillis, TimeUnit.MILLISECONDS);
      breaker.success();
      return value;
    } catch (InterruptedException e) {
      // No verdict on Redis: release a half-open probe so that the breaker can still close.
      future.cancel(false);
      breaker.abandon();
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      breaker.failure();
      log.debug("redis call failed: {}", e.toString());
      return null;
    }
  }

  /** Stops listening and, if this runtime created the client, shuts it down. */
  @Override
  public synchronized void close() {
    closed = true;
    if (topic != null) {
      try {
        removeListeners();
      } catch (RuntimeException e) {
        log.debug("could not unsubscribe from {}: {}", channel(), e.toString());
      }
    }
    subscribed = false;
    if (owned) {
      client.shutdown();
    }
  }
}
