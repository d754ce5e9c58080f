package io.tes.dataplane.graphql.ws;

import graphql.ExecutionResult;
import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.Errors;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Receives one subscription's results and sends each as a {@code next} message, asking for the next
 * result only once the previous one is on the wire: a slow client slows its own feed, and nothing
 * piles up in memory.
 */
final class OperationSink implements Subscriber<ExecutionResult> {
  private final String id;
  private final GraphqlWsConnection connection;
  private volatile Subscription subscription;
  private volatile boolean cancelled;

  OperationSink(String id, GraphqlWsConnection connection) {
    this.id = id;
    this.connection = connection;
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    this.subscription = subscription;
    if (cancelled) {
      subscription.cancel();
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onNext(ExecutionResult result) {
    if (cancelled) {
      return;
    }
    connection.send(Messages.withId("next", id, result.toSpecification()));
    subscription.request(1);
  }

  @Override
  public void onError(Throwable failure) {
    if (cancelled) {
      return;
    }
    var error =
        Errors.of(ErrorCode.INTERNAL_ERROR, "The subscription failed: " + failure.getMessage());
    connection.send(
        Messages.withId("next", id, Map.of("errors", List.of(error.toSpecification()))));
    connection.finished(id, this);
  }

  @Override
  public void onComplete() {
    if (!cancelled) {
      connection.finished(id, this);
    }
  }

  void cancel() {
    cancelled = true;
    Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }
}
