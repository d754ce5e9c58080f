package io.tes.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tes.operator.credentials.ApiKey;
import io.tes.operator.dependent.Names;
import io.tes.operator.tenant.ComputeSpec;
import io.tes.operator.tenant.DeletionPolicy;
import io.tes.operator.tenant.IngressSpec;
import io.tes.operator.tenant.LimitsSpec;
import io.tes.operator.tenant.Phase;
import io.tes.operator.tenant.ResourcesSpec;
import io.tes.operator.tenant.StorageSpec;
import io.tes.operator.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reconcile scenarios of the operator, written once and run against two back ends: the Fabric8
 * mock server (fast, no controllers) and a real kube-apiserver with controllers. Each back end says
 * through the hooks how its cluster differs (who makes a pod ready, whether garbage collection
 * runs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TenantScenarios {
  public static final String REGION = "eu-west";
  public static final String OTHER_REGION = "us-east";

  private final TenantConfigSchema schema = new TenantConfigSchema();

  /** A client with full rights, playing the user and the checks. */
  protected abstract KubernetesClient admin();

  /** Lets the tenant's data plane become ready the way this back end can. */
  protected abstract void dataPlaneBecomesReady(String tenant);

  /** The storage class tenants ask for, or null for the cluster default. */
  protected abstract String storageClass();

  /** Whether Kubernetes garbage collection and the StatefulSet controller run. */
  protected abstract boolean controllersRun();

  /** How long to watch for spurious updates when nothing changes. */
  protected Duration quietPeriod() {
    return Duration.ofSeconds(5);
  }

  protected Duration timeout() {
    return Duration.ofSeconds(60);
  }

  protected Tenant tenant(String name) {
    var tenant = Tenants.minimal(name, REGION);
    tenant.setSpec(tenant.getSpec().withStorage(new StorageSpec("1Gi", storageClass(), null)));
    return tenant;
  }

  protected Tenant create(Tenant tenant) {
    return admin().resource(tenant).create();
  }

  protected Tenant get(String name) {
    return admin().resources(Tenant.class).withName(name).get();
  }

  /**
   * Changes the spec as a user would, trying again when the operator wrote the status meanwhile.
   */
  protected void edit(String name, UnaryOperator<io.tes.operator.tenant.TenantSpec> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        admin()
            .resources(Tenant.class)
            .withName(name)
            .edit(
                t -> {
                  t.setSpec(change.apply(t.getSpec()));
                  return t;
                });
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }

  protected <T extends HasMetadata> T child(Class<T> type, String tenant, String name) {
    return admin()
        .resources(type)
        .inNamespace(Names.NAMESPACE_PREFIX + tenant)
        .withName(name)
        .get();
  }

  protected Tenant awaitDeployed(String name) {
    await()
        .atMost(timeout())
        .untilAsserted(
            () -> {
              var t = get(name);
              assertThat(t.getStatus()).isNotNull();
              assertThat(t.getStatus().namespace()).isEqualTo(Names.NAMESPACE_PREFIX + name);
              assertThat(child(StatefulSet.class, name, Names.STATEFUL_SET)).isNotNull();
            });
    return get(name);
  }

  protected String conditionReason(Tenant tenant, String type) {
    return tenant.condition(type).map(c -> c.getStatus() + "/" + c.getReason()).orElse("none");
  }

  @Test
  void createMakesEveryChildAndAValidConfig() {
    create(tenant("create"));
    var tenant = awaitDeployed("create");
    var ns = admin().namespaces().withName("tes-create").get();
    assertThat(ns.getMetadata().getLabels()).containsEntry(Names.TENANT_LABEL, "create");
    assertThat(child(Service.class, "create", Names.SERVICE)).isNotNull();
    assertThat(
            child(NetworkPolicy.class, "create", Names.NETWORK_POLICY).getSpec().getPolicyTypes())
        .containsExactly("Ingress", "Egress");
    assertThat(child(ResourceQuota.class, "create", Names.RESOURCE_QUOTA).getSpec().getHard())
        .containsEntry("limits.memory", new Quantity("2Gi"))
        .containsEntry("requests.storage", new Quantity("1Gi"));
    assertThat(child(Ingress.class, "create", Names.INGRESS)).isNull();

    var secret = child(Secret.class, "create", Names.CREDENTIALS_SECRET);
    var key = new ApiKey(decode(secret.getData().get("apiKey")));
    assertThat(key.value()).startsWith("tes_create_");
    var config = child(ConfigMap.class, "create", Names.CONFIG_MAP).getData().get("tenant.yaml");
    assertThat(schema.errors(config)).isEmpty();
    assertThat(config).contains(key.hash()).doesNotContain(key.value());

    var pod =
        child(StatefulSet.class, "create", Names.STATEFUL_SET).getSpec().getTemplate().getSpec();
    var affinity =
        pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    assertThat(affinity.getNodeSelectorTerms().get(0).getMatchExpressions().get(0).getValues())
        .containsExactly(REGION);
    var container = pod.getContainers().get(0);
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("1Gi"));

    assertThat(tenant.getStatus().observedGeneration())
        .isEqualTo(tenant.getMetadata().getGeneration());
    assertThat(tenant.getStatus().credentialsSecret()).isEqualTo(Names.CREDENTIALS_SECRET);
    assertThat(tenant.getStatus().conditions())
        .extracting(c -> c.getType())
        .containsExactly("Ready", "Progressing", "Degraded");
    assertThat(tenant.getStatus().conditions())
        .allMatch(c -> c.getObservedGeneration().equals(tenant.getMetadata().getGeneration()));
  }

  @Test
  void specChangeReachesTheChildrenAndTheSecretNeverRotates() {
    create(tenant("update"));
    awaitDeployed("update");
    var secretBefore = child(Secret.class, "update", Names.CREDENTIALS_SECRET);
    var generationBefore = get("update").getMetadata().getGeneration();

    edit(
        "update",
        s ->
            s.withLimits(new LimitsSpec(4096, null, null, null, null))
                .withResources(new ResourcesSpec(null, new ComputeSpec("2", "2Gi")))
                .withIngress(new IngressSpec("update.example.com", null, null)));
    await()
        .atMost(timeout())
        .untilAsserted(
            () -> {
              var config =
                  child(ConfigMap.class, "update", Names.CONFIG_MAP).getData().get("tenant.yaml");
              assertThat(config).contains("maxEventBytes: 4096");
              assertThat(schema.errors(config)).isEmpty();
              var container =
                  child(StatefulSet.class, "update", Names.STATEFUL_SET)
                      .getSpec()
                      .getTemplate()
                      .getSpec()
                      .getContainers()
                      .get(0);
              assertThat(container.getResources().getLimits())
                  .containsEntry("cpu", new Quantity("2"));
              assertThat(child(Ingress.class, "update", Names.INGRESS)).isNotNull();
              var t = get("update");
              assertThat(t.getMetadata().getGeneration()).isGreaterThan(generationBefore);
              assertThat(t.getStatus().observedGeneration())
                  .isEqualTo(t.getMetadata().getGeneration());
              assertThat(t.getStatus().endpoint()).isEqualTo("http://update.example.com");
            });

    edit("update", s -> s.withIngress(null));
    await().atMost(timeout()).until(() -> child(Ingress.class, "update", Names.INGRESS) == null);

    var secretAfter = child(Secret.class, "update", Names.CREDENTIALS_SECRET);
    assertThat(secretAfter.getData()).isEqualTo(secretBefore.getData());
    assertThat(secretAfter.getMetadata().getResourceVersion())
        .isEqualTo(secretBefore.getMetadata().getResourceVersion());
  }

  @Test
  void readyWhenTheDataPlaneIsReadyAndThenNothingMoves() throws Exception {
    create(tenant("ready"));
    awaitDeployed("ready");
    dataPlaneBecomesReady("ready");
    await()
        .atMost(timeout())
        .untilAsserted(
            () -> {
              var t = get("ready");
              assertThat(conditionReason(t, "Ready")).isEqualTo("True/DataPlaneReady");
              assertThat(conditionReason(t, "Progressing")).isEqualTo("False/Reconciled");
              assertThat(conditionReason(t, "Degraded")).isEqualTo("False/AsExpected");
              assertThat(t.getStatus().phase()).isEqualTo(Phase.Ready);
              assertThat(t.getStatus().endpoint()).isEqualTo("http://tes.tes-ready.svc");
            });
    var before = versions("ready");
    Thread.sleep(quietPeriod().toMillis());
    assertThat(versions("ready")).as("resourceVersions after a quiet period").isEqualTo(before);
  }

  /** resourceVersions of the Tenant and every child: a reconcile loop would bump some. */
  protected Map<String, String> versions(String name) {
    var out = new java.util.TreeMap<String, String>();
    out.put("tenant", get(name).getMetadata().getResourceVersion());
    List<Class<? extends HasMetadata>> kinds =
        List.of(
            ConfigMap.class,
            Secret.class,
            Service.class,
            StatefulSet.class,
            NetworkPolicy.class,
            ResourceQuota.class);
    for (var kind : kinds) {
      for (var item :
          admin().resources(kind).inNamespace(Names.NAMESPACE_PREFIX + name).list().getItems()) {
        if (item.getMetadata().getLabels() != null
            && Names.MANAGED_BY.equals(
                item.getMetadata().getLabels().get(Names.MANAGED_BY_LABEL))) {
          out.put(
              kind.getSimpleName() + "/" + item.getMetadata().getName(),
              item.getMetadata().getResourceVersion());
        }
      }
    }
    out.put(
        "namespace",
        admin()
            .namespaces()
            .withName(Names.NAMESPACE_PREFIX + name)
            .get()
            .getMetadata()
            .getResourceVersion());
    return out;
  }

  @Test
  void regionNotOfferedIsReportedAndNothingIsDeployed() throws Exception {
    var tenant = tenant("faraway");
    tenant.setSpec(tenant.getSpec().withRegion("mars-north"));
    create(tenant);
    await()
        .atMost(timeout())
        .untilAsserted(
            () -> {
              var t = get("faraway");
              assertThat(conditionReason(t, "Ready")).isEqualTo("False/RegionUnavailable");
              assertThat(t.condition("Ready").get().getMessage())
                  .contains("mars-north")
                  .contains(REGION);
              assertThat(t.getStatus().phase()).isEqualTo(Phase.Failed);
            });
    Thread.sleep(1000);
    assertThat(admin().namespaces().withName("tes-faraway").get()).isNull();
    // Ready, Progressing and Degraded all changed for one reason: one Event says so.
    assertThat(eventReasons("faraway")).containsOnlyOnce("RegionUnavailable");
  }

  @Test
  void regionChangeIsRefusedAndThePodStaysWhereItIs() {
    create(tenant("mover"));
    awaitDeployed("mover");
    edit("mover", s -> s.withRegion(OTHER_REGION));
    await()
        .atMost(timeout())
        .untilAsserted(
            () -> {
              var t = get("mover");
              assertThat(conditionReason(t, "Degraded")).isEqualTo("True/RegionChangeRefused");
              assertThat(t.getStatus().region()).isEqualTo(REGION);
            });
    var terms =
        child(StatefulSet.class, "mover", Names.STATEFUL_SET)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getAffinity()
            .getNodeAffinity()
            .getRequiredDuringSchedulingIgnoredDuringExecution()
            .getNodeSelectorTerms();
    assertThat(terms.get(0).getMatchExpressions().get(0).getValues()).containsExactly(REGION);
  }

  @Test
  void pausedTenantIsNotReconciledUntilResumed() throws Exception {
    create(tenant("paused"));
    awaitDeployed("paused");
    var configBefore = child(ConfigMap.class, "paused", Names.CONFIG_MAP).getData();
    edit(
        "paused", s -> s.withPaused(true).withLimits(new LimitsSpec(8192, null, null, null, null)));
    await()
        .atMost(timeout())
        .untilAsserted(
            () -> {
              var t = get("paused");
              assertThat(conditionReason(t, "Progressing")).isEqualTo("False/Paused");
              assertThat(t.getStatus().phase()).isEqualTo(Phase.Paused);
            });
    Thread.sleep(1500);
    assertThat(child(ConfigMap.class, "paused", Names.CONFIG_MAP).getData())
        .isEqualTo(configBefore);

    edit("paused", s -> s.withPaused(false));
    await()
        .atMost(timeout())
        .untilAsserted(
            () ->
                assertThat(
                        child(ConfigMap.class, "paused", Names.CONFIG_MAP)
                            .getData()
                            .get("tenant.yaml"))
                    .contains("maxEventBytes: 8192"));
  }

  @Test
  void deletionWithRetainKeepsTheNamespaceAndTheVolumeClaim() {
    create(tenant("keep"));
    awaitDeployed("keep");
    var claim = awaitDataClaim("keep");
    admin().resources(Tenant.class).withName("keep").delete();
    await().atMost(timeout()).until(() -> get("keep") == null);
    assertThat(admin().namespaces().withName("tes-keep").get()).isNotNull();
    assertThat(admin().persistentVolumeClaims().inNamespace("tes-keep").withName(claim).get())
        .isNotNull();
    assertThat(eventReasons("keep")).contains("Retained");
    if (controllersRun()) {
      // Garbage collection removes what the Tenant owned.
      await()
          .atMost(timeout())
          .until(() -> child(StatefulSet.class, "keep", Names.STATEFUL_SET) == null);
      await()
          .atMost(timeout())
          .until(() -> child(ConfigMap.class, "keep", Names.CONFIG_MAP) == null);
    }
  }

  @Test
  void deletionWithDeleteRemovesTheNamespaceAndTheVolume() {
    var tenant = tenant("gone");
    tenant.setSpec(
        tenant
            .getSpec()
            .withStorage(new StorageSpec("1Gi", storageClass(), DeletionPolicy.Delete)));
    create(tenant);
    awaitDeployed("gone");
    awaitDataClaim("gone");
    admin().resources(Tenant.class).withName("gone").delete();
    await().atMost(timeout()).until(() -> get("gone") == null);
    assertThat(eventReasons("gone")).contains("Deleted");
    await()
        .atMost(timeout().multipliedBy(2))
        .until(() -> admin().namespaces().withName("tes-gone").get() == null);
  }

  @Test
  void schemasComeFromAReferencedConfigMap() {
    admin()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("schema-source")
                .endMetadata()
                .build())
        .createOr(r -> r.update());
    admin()
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("order-schemas")
                .withNamespace("schema-source")
                .endMetadata()
                .withData(
                    Map.of(
                        "com.example.order.shipped",
                        "{\"type\":\"object\",\"required\":[\"carrier\"]}"))
                .build())
        .create();
    var tenant = tenant("schemas");
    tenant.setSpec(
        tenant.getSpec().withSchemas(Tenants.schemasFrom("schema-source", "order-schemas")));
    create(tenant);
    awaitDeployed("schemas");
    var config = child(ConfigMap.class, "schemas", Names.CONFIG_MAP).getData().get("tenant.yaml");
    assertThat(config).contains("com.example.order.shipped").contains("carrier");
    assertThat(schema.errors(config)).isEmpty();

    var broken = tenant("noschemas");
    broken.setSpec(broken.getSpec().withSchemas(Tenants.schemasFrom("schema-source", "missing")));
    create(broken);
    await()
        .atMost(timeout())
        .untilAsserted(
            () -> {
              var t = get("noschemas");
              assertThat(conditionReason(t, "Degraded")).isEqualTo("True/InvalidSchemas");
              assertThat(t.condition("Degraded").get().getMessage())
                  .contains("schema-source/missing");
            });
  }

  @Test
  void aMissingStorageClassIsReportedAndNothingIsDeployed() throws Exception {
    var tenant = tenant("nostorage");
    tenant.setSpec(tenant.getSpec().withStorage(new StorageSpec("1Gi", "no-such-class", null)));
    create(tenant);
    await()
        .atMost(timeout())
        .untilAsserted(
            () -> {
              var t = get("nostorage");
              assertThat(conditionReason(t, "Ready")).isEqualTo("False/StorageUnavailable");
              assertThat(t.condition("Ready").get().getMessage()).contains("no-such-class");
            });
    Thread.sleep(500);
    assertThat(admin().namespaces().withName("tes-nostorage").get()).isNull();
  }

  /** The name of the tenant's data claim once it exists (made by the StatefulSet controller). */
  protected String awaitDataClaim(String tenant) {
    await()
        .atMost(timeout())
        .until(
            () ->
                admin()
                        .persistentVolumeClaims()
                        .inNamespace(Names.NAMESPACE_PREFIX + tenant)
                        .withName(Names.dataClaim())
                        .get()
                    != null);
    return Names.dataClaim();
  }

  protected List<String> eventReasons(String tenant) {
    var reasons = new ArrayList<String>();
    for (var event : admin().v1().events().inNamespace("default").list().getItems()) {
      if (tenant.equals(event.getInvolvedObject().getName())
          && "Tenant".equals(event.getInvolvedObject().getKind())) {
        reasons.add(event.getReason());
      }
    }
    return reasons;
  }

  protected static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
