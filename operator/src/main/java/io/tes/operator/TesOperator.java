package io.tes.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.tes.operator.metrics.OperatorMetrics;
import io.tes.operator.reconcile.Offboarding;
import io.tes.operator.reconcile.TenantReconciler;
import io.tes.operator.reconcile.TenantValidator;
import io.tes.operator.region.ConfiguredRegions;
import io.tes.operator.region.NodeRegions;
import io.tes.operator.region.RegionCatalog;
import io.tes.operator.settings.OperatorSettings;
import io.tes.operator.status.StatusAggregator;
import io.tes.operator.status.TenantEvents;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Wires the operator: one place that both Main and the tests use, so the tests run the production
 * configuration (server-side apply on) unless a test says otherwise through {@code overrides}.
 */
public final class TesOperator {
  /** Name of the leader election Lease in the operator's namespace. */
  public static final String LEASE = "tes-operator-lock";

  private TesOperator() {}

  /**
   * @param client the client the operator acts with (its RBAC is the operator's RBAC)
   * @param settings the operator's settings
   * @param metrics where the reconcile metrics go
   * @param identity this replica's name, for the Lease and the Events
   * @param onLostLeadership runs when this replica stops leading (production: exit the process,
   *     unless it is already shutting down; JOSDK's own exit would deadlock inside a shutdown hook)
   * @param overrides changes on top of the production configuration (tests only)
   */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      OperatorMetrics metrics,
      String identity,
      Runnable onLostLeadership,
      Consumer<ConfigurationServiceOverrider> overrides) {
    var operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client).withMetrics(metrics).withCloseClientOnStop(false);
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE)
                        .withLeaseNamespace(settings.leaseNamespace())
                        .withIdentity(identity)
                        .withExitOnStopLeading(false)
                        .withLeaderCallbacks(
                            new LeaderCallbacks(() -> {}, onLostLeadership, leader -> {}))
                        .build());
              }
              overrides.accept(o);
            });
    var clock = Clock.systemUTC();
    var events = new TenantEvents(client, clock, identity);
    RegionCatalog regions =
        settings.regions().isEmpty()
            ? new NodeRegions(client)
            : new ConfiguredRegions(settings.regions());
    operator.register(
        new TenantReconciler(
            settings,
            new TenantValidator(client, regions),
            new StatusAggregator(clock),
            events,
            new Offboarding(events)));
    return operator;
  }
}
