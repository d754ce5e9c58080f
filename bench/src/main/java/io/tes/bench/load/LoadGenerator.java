package io.tes.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link LoadSpec} against clients from a factory: opens one client per worker, runs the
 * warm-up, then the measured phase, and closes the clients. Workers are virtual threads, so 64
 * blocking clients cost 64 cheap threads, not 64 carrier threads on a 2-core machine.
 */
public final class LoadGenerator {

  /** Told when the measured phase starts and ends, to take the server's own readings. */
  public interface Observer {
    void measuring();

    void measured();

    Observer NONE =
        new Observer() {
          @Override
          public void measuring() {}

          @Override
          public void measured() {}
        };
  }

  public LoadResult run(LoadSpec spec, Client.Factory factory) throws Exception {
    return run(spec, factory, Observer.NONE);
  }

  public LoadResult run(LoadSpec spec, Client.Factory factory, Observer observer) throws Exception {
    int workers =
        switch (spec.pacing()) {
          case Pacing.OpenLoop open -> open.connections();
          case Pacing.ClosedLoop closed -> closed.clients();
        };
    List<Client> clients = new ArrayList<>(workers);
    try {
      for (int i = 0; i < workers; i++) {
        clients.add(factory.open());
      }
      if (!spec.warmup().isZero()) {
        runPhase(new Phase(spec.pacing(), spec.warmup().toNanos()), clients);
      }
      Phase measured = new Phase(spec.pacing(), spec.duration().toNanos());
      observer.measuring();
      runPhase(measured, clients);
      observer.measured();
      return measured.result(spec.itemsPerCall());
    } finally {
      for (Client client : clients) {
        try {
          client.close();
        } catch (Exception e) {
          // Closing is best effort: the run's numbers are already taken.
        }
      }
    }
  }

  private static void runPhase(Phase phase, List<Client> clients) throws Exception {
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<?>>(clients.size());
      phase.begin();
      for (Client client : clients) {
        futures.add(executor.submit(() -> phase.work(client)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      phase.finish();
    }
  }
}
