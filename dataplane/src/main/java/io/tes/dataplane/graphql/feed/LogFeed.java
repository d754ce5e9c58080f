package io.tes.dataplane.graphql.feed;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A live feed read from the log for one subscriber, as a Reactive Streams publisher: a virtual
 * thread per subscription reads batches in log order as the tail moves and hands them on as the
 * subscriber asks for them. Order is the log's, because one thread delivers.
 */
public abstract class LogFeed<T> implements Publisher<T> {
  private final AtomicBoolean subscribed = new AtomicBoolean();

  /**
   * The next batch, waiting until there is one.
   *
   * @throws InterruptedException when the subscription is cancelled
   */
  protected abstract List<T> nextBatch() throws InterruptedException;

  @Override
  public void subscribe(Subscriber<? super T> subscriber) {
    if (!subscribed.compareAndSet(false, true)) {
      // Each feed holds one subscriber's position; a second subscriber needs its own feed.
      subscriber.onSubscribe(
          new Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
          });
      subscriber.onError(new IllegalStateException("a feed serves one subscriber"));
      return;
    }
    new Delivery(subscriber).start();
  }

  private final class Delivery implements Subscription, Runnable {
    private final Subscriber<? super T> subscriber;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wanted = lock.newCondition();
    private long demand;
    private volatile boolean cancelled;
    private Thread thread;

    Delivery(Subscriber<? super T> subscriber) {
      this.subscriber = subscriber;
    }

    void start() {
      thread = Thread.ofVirtual().name("tes-graphql-feed").unstarted(this);
      subscriber.onSubscribe(this);
      thread.start();
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        subscriber.onError(
            new IllegalArgumentException("Reactive Streams rule 3.9: request a positive number"));
        return;
      }
      lock.lock();
      try {
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        wanted.signalAll();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      if (thread != null) {
        thread.interrupt();
      }
    }

    @Override
    public void run() {
      try {
        while (!cancelled) {
          for (T item : nextBatch()) {
            awaitDemand();
            if (cancelled) {
              return;
            }
            subscriber.onNext(item);
          }
        }
      } catch (InterruptedException e) {
        // cancelled: nothing more to say to the subscriber
      } catch (RuntimeException e) {
        if (!cancelled) {
          subscriber.onError(e);
        }
      }
    }

    private void awaitDemand() throws InterruptedException {
      lock.lockInterruptibly();
      try {
        while (demand == 0 && !cancelled) {
          wanted.await();
        }
        demand--;
      } finally {
        lock.unlock();
      }
    }
  }
}
