package dev.larder.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisTimeoutException;

/**
 * Holds one thread's BUMP, ROTATE or MARKER script call, before it reaches Redis or after Redis ran it,
 * until the test releases it: the orderings that the cache protocol's races need and that a TCP
 * proxy cannot pick out of one connection. It wraps the {@link RedissonClient} a {@link
 * RedisLink} is given; every command still runs on the real Redis, only later.
 */
final class ScriptHolds {
  /** The scripts that can be held. */
  enum Script { BUMP, ROTATE, MARKER }

  /** Where a held call waits. */
  enum Point { BEFORE_REDIS, AFTER_REDIS }

  /** One armed hold: it catches the next call of its script by its thread. */
  static final class Hold {
    private final Point point;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private Hold(Point point) {
      this.point = point;
    }

    /** Waits until the call is held. */
    void awaitReached() throws InterruptedException {
      if (!reached.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the held call never came");
      }
    }

    /** Lets the call go on. */
    void release() {
      released.countDown();
    }

    private void hold() throws InterruptedException {
      reached.countDown();
      released.await();
    }
  }

  private final Map<String, Hold> armed = new ConcurrentHashMap<>();
  /** How many scripts the wrapped clients have run. */
  private final AtomicInteger scriptCalls = new AtomicInteger();
  /** Calls that fail without reaching Redis, as one that ran out of its budget on the way. */
  private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
  private final Queue<Hold> all = new ConcurrentLinkedQueue<>();
  /**
   * Every script call so far, as "SCRIPT@thread by Class.method" ("@thread …" for a script not
   * named here), the method being the runtime's caller of {@link RedisLink}.
   */
  private final Queue<String> calls = new ConcurrentLinkedQueue<>();

  /** Arms a hold for the next call of {@code script} made by the thread named {@code thread}. */
  Hold hold(Script script, String thread, Point point) {
    Hold hold = new Hold(point);
    armed.put(script + "@" + thread, hold);
    all.add(hold);
    return hold;
  }

  /** How many scripts (of any kind) the wrapped clients have run so far. */
  int scriptCalls() {
    return scriptCalls.get();
  }

  /**
   * The script calls made after the first {@code count}, in order, each as "SCRIPT@thread by
   * Class.method" ("@thread by …" for a script not named by {@link Script}), where the method
   * is the runtime's caller of {@link RedisLink}: {@code TagGenerations.askRedisToVouch} for a
   * vouch, {@code RedisWatch.beat} for a heartbeat.
   */
  List<String> callsAfter(int count) {
    return calls.stream().skip(count).toList();
  }

  /** Makes the next call of {@code script} by the thread named {@code thread} fail unsent. */
  void failNext(Script script, String thread) {
    failing.put(script + "@" + thread, true);
  }

  /** Releases every hold, armed or reached, so that no thread of a failed test stays blocked. */
  void releaseAll() {
    all.forEach(Hold::release);
  }

  /** A client that sends everything to {@code real}, holding the armed calls. */
  RedissonClient wrap(RedissonClient real) {
    return (RedissonClient) Proxy.newProxyInstance(ScriptHolds.class.getClassLoader(),
        new Class<?>[] {RedissonClient.class}, (self, method, args) -> {
          Object result = invoke(real, method, args);
          return method.getName().equals("getScript") ? holding((RScript) result) : result;
        });
  }

  private RScript holding(RScript script) {
    return (RScript) Proxy.newProxyInstance(ScriptHolds.class.getClassLoader(),
        new Class<?>[] {RScript.class}, (self, method, args) -> {
          if (method.getName().equals("evalAsync")) {
            String call = key(method, args);
            calls.add((call.isEmpty() ? "@" + Thread.currentThread().getName() : call)
                + " by " + caller());
            scriptCalls.incrementAndGet();
          }
          if (failing.remove(key(method, args)) != null) {
            return CompletableFuture.failedFuture(
                new RedisTimeoutException("failed by the test before reaching Redis"));
          }
          Hold hold = armed.remove(key(method, args));
          if (hold != null && hold.point == Point.BEFORE_REDIS) {
            hold.hold();
          }
          Object result = invoke(script, method, args);
          if (hold != null && hold.point == Point.AFTER_REDIS) {
            // The call is asynchronous: wait until Redis has run the script, then hold its answer.
            ((CompletionStage<?>) result).toCompletableFuture().join();
            hold.hold();
          }
          return result;
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The first method of the runtime on this thread's stack that is not RedisLink's. */
  private static String caller() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(frame -> frame.getClassName().startsWith("dev.larder.runtime.")
            && !frame.getClassName().startsWith(RedisLink.class.getName())
            && !frame.getClassName().startsWith(ScriptHolds.class.getName()))
        .findFirst()
        .map(frame -> frame.getClassName().substring("dev.larder.runtime.".length())
            + "." + frame.getMethodName())
        .orElse("?"));
  }

  /** The key an armed hold of this call is under, or "" for a call that is never held. */
  private static String key(Method method, Object[] args) {
    if (!method.getName().equals("evalAsync") || args == null || args.length < 2) {
      return "";
    }
    String text = String.valueOf(args[1]);
    Script script = text.contains("'INCR'") ? Script.BUMP
        : text.startsWith("local run") && !text.contains("larder_epoch") ? Script.ROTATE
        : text.contains("return { larder_epoch()") ? Script.MARKER
        : null;
    return script == null ? "" : script + "@" + Thread.currentThread().getName();
  }
}
