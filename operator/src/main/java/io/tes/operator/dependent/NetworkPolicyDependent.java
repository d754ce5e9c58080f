package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.tes.operator.tenant.Tenant;
import java.util.ArrayList;
import java.util.Map;

/**
 * Default deny for everything in the tenant namespace, with the few exceptions a data plane needs:
 * callers from namespaces labelled as allowed (the ingress controller, monitoring) and from its own
 * namespace on the HTTP port; out to DNS and NATS; and out on 80/443 only when the tenant has
 * webhooks or a model endpoint to call.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_SELECTOR))
public class NetworkPolicyDependent extends CRUDKubernetesDependentResource<NetworkPolicy, Tenant> {
  static final int NATS_PORT = 4222;

  public NetworkPolicyDependent() {
    super(NetworkPolicy.class);
  }

  @Override
  protected NetworkPolicy desired(Tenant tenant, Context<Tenant> context) {
    var settings = TenantPlan.from(context).settings();
    var accessFrom =
        new LabelSelector(null, Map.of(settings.accessLabelKey(), settings.accessLabelValue()));
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(Names.NETWORK_POLICY)
        .withNamespace(Names.namespace(tenant))
        .withLabels(Names.labels(tenant))
        .endMetadata()
        .withNewSpec()
        .withPodSelector(new LabelSelector())
        .withPolicyTypes("Ingress", "Egress")
        .addNewIngress()
        .addNewFrom()
        .withNamespaceSelector(accessFrom)
        .endFrom()
        .addNewFrom()
        .withPodSelector(new LabelSelector())
        .endFrom()
        .withPorts(port("TCP", Names.HTTP_PORT))
        .endIngress()
        .withEgress(egress(tenant))
        .endSpec()
        .build();
  }

  private static ArrayList<NetworkPolicyEgressRule> egress(Tenant tenant) {
    var rules = new ArrayList<NetworkPolicyEgressRule>();
    rules.add(
        new NetworkPolicyEgressRuleBuilder().withPorts(port("UDP", 53), port("TCP", 53)).build());
    rules.add(new NetworkPolicyEgressRuleBuilder().withPorts(port("TCP", NATS_PORT)).build());
    var spec = tenant.getSpec();
    boolean callsOut =
        (spec.webhooks() != null && !spec.webhooks().isEmpty())
            || (spec.enrichment() != null && spec.enrichment().modelEndpoint() != null);
    if (callsOut) {
      rules.add(
          new NetworkPolicyEgressRuleBuilder()
              .withPorts(port("TCP", 80), port("TCP", 443))
              .build());
    }
    return rules;
  }

  private static NetworkPolicyPort port(String protocol, int port) {
    return new NetworkPolicyPortBuilder()
        .withProtocol(protocol)
        .withPort(new IntOrString(port))
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
    return new ResourceID(Names.NETWORK_POLICY, Names.namespace(tenant));
  }
}
